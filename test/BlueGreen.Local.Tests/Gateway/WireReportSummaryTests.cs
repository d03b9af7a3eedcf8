using BlueGreen.Local;
using BlueGreen.Local.Gateway;

namespace BlueGreen.Local.Tests.Gateway;

/// <summary>
/// .ci/run ends with one strict-wire line read from BLUEGREEN_WIRE_REPORT: the reports the gateways
/// really write (several gateways per run, one line each), joined by .ci/wire_summary.py.
/// </summary>
public sealed class WireReportSummaryTests
{
    private static readonly string Script = Path.Combine(LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory)!, ".ci", "wire_summary.py");

    [Fact]
    public async Task Summary_SeveralGatewaysReports_CountsOperationsOnceAndSumsRequestsAndViolations()
    {
        // Arrange: two gateways that share an operation and a function's call, and one without botocore.
        var report = Path.GetTempFileName();
        var first = new WireChecks { Enabled = true };
        first.Record("autoscaling", "DescribeAutoScalingGroups", null, "DescribeLiveFunction", "autoscaling");
        first.Record("autoscaling", "DescribeAutoScalingGroups", null, "DescribeLiveFunction", "autoscaling");
        first.Record("elbv2", "DescribeTargetHealth", "elbv2:DescribeTargetHealth breaks botocore's model: TargetGroupArn: required parameter missing");
        var second = new WireChecks { Enabled = true };
        second.Record("autoscaling", "DescribeAutoScalingGroups", null, "DescribeLiveFunction", "autoscaling");
        second.Record("cloudwatch", "DescribeAlarms", null, "CheckGreenHealthFunction", "monitoring");
        first.AppendReport(report);
        second.AppendReport(report);
        File.AppendAllText(report, """{"enabled":false,"checked":0,"operations":[],"violations":[]}""" + Environment.NewLine);

        // Act
        var output = await BotocorePython.RunAsync(Script, "", report);

        // Assert: each violation is named before the summary line.
        Assert.Equal(
            [
                "strict wire violation: elbv2:DescribeTargetHealth breaks botocore's model: TargetGroupArn: required parameter missing",
                "strict wire: 3 distinct operations, 5 requests checked, 1 violations (2 gateways; 2 distinct calls by 2 functions checked against their policies); 1 gateways checked nothing (no botocore)",
            ],
            output.Split('\n'));
        File.Delete(report);
    }

    [Fact]
    public async Task Summary_NoGatewayReported_SaysSo()
    {
        var line = await BotocorePython.RunAsync(Script, "", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        Assert.StartsWith("strict wire: no report", line);
    }
}
