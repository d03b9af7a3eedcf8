using BlueGreen.Local.Calls;

namespace BlueGreen.Local.Tests.Calls;

public sealed class CallCounterTests
{
    [Theory]
    [InlineData("DescribeAutoScalingGroups", true)]
    [InlineData("GetItem", true)]
    [InlineData("ListStateMachines", true)]
    [InlineData("BatchGetItem", true)]
    [InlineData("PutItem", false)]
    [InlineData("ModifyListener", false)]
    [InlineData("Invoke", false)]
    public void IsReadOnly_OperationName_ByPrefix(string operation, bool expected) =>
        Assert.Equal(expected, CallCounter.IsReadOnly(operation));

    [Fact]
    public void Snapshot_MixedCalls_TotalsSplitAndPerService()
    {
        var counter = new CallCounter();
        counter.Record("autoscaling", "DescribeAutoScalingGroups");
        counter.Record("autoscaling", "DescribeAutoScalingGroups");
        counter.Record("autoscaling", "CreateAutoScalingGroup");
        counter.Record("states", "StartExecution");

        var snapshot = counter.Snapshot();

        Assert.Equal(4, snapshot.Total);
        Assert.Equal(2, snapshot.ReadOnly);
        Assert.Equal(2, snapshot.Mutating);
        Assert.Equal(2, snapshot.Count("autoscaling", "DescribeAutoScalingGroups"));
        Assert.Equal(1, snapshot.Services["states"]["StartExecution"]);
    }

    [Fact]
    public void Reset_AfterCalls_AllZero()
    {
        var counter = new CallCounter();
        counter.Record("ec2", "RunInstances");

        counter.Reset();

        Assert.Equal(0, counter.Snapshot().Total);
        Assert.Equal(0, counter.Count("ec2", "RunInstances"));
    }

    [Fact]
    public void Writes_MixedCalls_KeepsResourceWritesInOrderWithBodies()
    {
        var counter = new CallCounter();
        var at = DateTimeOffset.UnixEpoch;
        counter.RecordWrite(at, "elasticloadbalancing", "DescribeListeners", "ShiftTraffic", "/", "Action=DescribeListeners");
        counter.RecordWrite(at, "elasticloadbalancing", "ModifyListener", "ShiftTraffic", "/", "weights 10/90");
        counter.RecordWrite(at, "lambda", "Invoke", null, "/2015-03-31/functions/f/invocations", "{}");
        counter.RecordWrite(at.AddSeconds(1), "route53", "ChangeResourceRecordSets", "", "/2013-04-01/hostedzone/Z1/rrset", "<xml/>");

        var writes = counter.Writes();

        Assert.Equal(["ModifyListener", "ChangeResourceRecordSets"], writes.Select(w => w.Operation));
        Assert.Equal(("ShiftTraffic", "weights 10/90"), (writes[0].Function, writes[0].Body));
        Assert.Null(writes[1].Function);
        counter.Reset();
        Assert.Empty(counter.Writes());
    }
}
