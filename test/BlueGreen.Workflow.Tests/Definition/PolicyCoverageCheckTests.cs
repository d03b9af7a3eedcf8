using BlueGreen.Local.Gateway;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>The check the workflow fixtures run when they end, on hand-made wire reports: calls by
/// signing name become IAM actions (monitoring → cloudwatch) and each is looked up in its caller's policy.</summary>
public sealed class PolicyCoverageCheckTests
{
    [Fact]
    public void ThrowIfAnyCallNotAllowed_CallsInTheirPolicies_Passes()
    {
        var wire = Report(new()
        {
            ["ShiftTrafficFunction"] = ["elasticloadbalancing:ModifyListener", "monitoring:DescribeAlarms", "route53:ChangeResourceRecordSets"],
            ["NormalizeRequestFunction"] = ["imagebuilder:GetImage", "ec2:DescribeImages"],
            ["RecoverStoppedDeploymentFunction"] = ["states:GetExecutionHistory"],
        });

        PolicyAssertions.ThrowIfAnyCallNotAllowed(wire);
    }

    [Fact]
    public void ThrowIfAnyCallNotAllowed_CallOutsideThePolicyOrUnknownFunction_NamesEach()
    {
        var wire = Report(new()
        {
            ["CheckGreenHealthFunction"] = ["monitoring:DescribeAlarms", "autoscaling:DeleteAutoScalingGroup"],
            ["NoSuchFunction"] = ["sns:Publish"],
        });

        var failure = Assert.Throws<InvalidOperationException>(() => PolicyAssertions.ThrowIfAnyCallNotAllowed(wire));

        Assert.Contains("CheckGreenHealthFunction needs autoscaling:DeleteAutoScalingGroup", failure.Message);
        Assert.Contains("NoSuchFunction needs sns:Publish", failure.Message);
        Assert.DoesNotContain("cloudwatch:DescribeAlarms", failure.Message);
    }

    private static WireSnapshot Report(Dictionary<string, IReadOnlyList<string>> functions) =>
        new(true, functions.Sum(f => f.Value.Count), [], []) { Functions = functions };
}
