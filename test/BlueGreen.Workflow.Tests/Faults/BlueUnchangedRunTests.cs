using BlueGreen.Local.Faults;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Faults.Strategies;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// Blue never changes under a deployment (DESIGN §3): after each kind of failed deployment, blue
/// scaled out by one launches the old AMI, however blue references its launch spec. The swap
/// strategy; every other end-state invariant is reported in the message too.
/// EXPECTED TO FAIL on today's code for the launch-template references that follow new versions
/// ($Latest, a mixed-instances policy over $Latest) until green gets a launch template of its own.
/// </summary>
[Collection(FaultMatrixCloudCollection.Name)]
[Trait("Category", "FaultMatrixSlice")]
public sealed class BlueUnchangedRunTests(WorkflowCloud cloud)
{
    public enum FailedDeployment
    {
        /// <summary>Green never becomes healthy: GreenUnhealthy after the health timeout.</summary>
        GreenUnhealthy,

        /// <summary>The traffic write (attach green) fails with 5xx until every retry ran out.</summary>
        TrafficWriteFailed,

        /// <summary>The ShiftTraffic function's invoke fails with a Lambda 5xx until the ASL's retries ran out.</summary>
        ShiftTrafficInvokeFailed,
    }

    public static TheoryData<BlueLaunchSpec, FailedDeployment> Cases
    {
        get
        {
            var data = new TheoryData<BlueLaunchSpec, FailedDeployment>();
            foreach (var spec in Enum.GetValues<BlueLaunchSpec>())
            {
                foreach (var failure in Enum.GetValues<FailedDeployment>())
                {
                    data.Add(spec, failure);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FailedDeployment_BlueScaledOut_LaunchesTheOldAmi(BlueLaunchSpec spec, FailedDeployment failure)
    {
        var strategy = new SwapCellStrategy(spec);

        var result = await new FaultCellRunner(cloud).RunAsync($"blue on {spec} | {failure}", strategy, null, false, (faults, application) => Fail(faults, application, failure));

        Assert.False(result.End.Promoted, result.Describe());
        Assert.True(result.Violations.All(v => v.Invariant != Invariants.BlueUnchanged), result.Describe());
    }

    private static void Fail(FaultRegistry faults, CellApplication application, FailedDeployment failure)
    {
        var budget = RetryBudget.Current;
        switch (failure)
        {
            case FailedDeployment.GreenUnhealthy:
                faults.MarkImageUnhealthy(application.Sample.NewImageId);
                break;
            case FailedDeployment.TrafficWriteFailed:
                faults.FailWithServerError("autoscaling", "AttachLoadBalancerTargetGroups", budget.ServerErrorsForAwsCall);
                break;
            default:
                faults.FailWithServerError("lambda", "Invoke", budget.ServerErrorsForLambdaInvoke, function: "ShiftTrafficFunction");
                break;
        }
    }
}
