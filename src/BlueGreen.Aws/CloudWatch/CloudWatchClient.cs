using System.Xml.Linq;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.CloudWatch;

/// <summary>CloudWatch over the Query protocol (2010-08-01).</summary>
internal sealed class CloudWatchClient(QueryProtocol query) : ICloudWatch
{
    public static readonly AwsService Service = new(
        "CloudWatch",
        "CLOUDWATCH",
        "monitoring",
        "monitoring",
        new Dictionary<string, ErrorKind>
        {
            ["ResourceNotFound"] = ErrorKind.NotFound,
            ["ResourceNotFoundException"] = ErrorKind.NotFound,
            ["InvalidFormat"] = ErrorKind.Validation,
            ["InvalidParameterInput"] = ErrorKind.Validation,
        });

    public const string Version = "2010-08-01";

    // Service limits per call.
    private const int AlarmNamesPerCall = 100;

    public async Task<IReadOnlyList<Alarm>> DescribeAlarmsAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken = default)
    {
        var alarms = new List<Alarm>();
        foreach (var names in alarmNames.Chunk(AlarmNamesPerCall))
        {
            string? nextToken = null;
            do
            {
                var result = await query.SendAsync(
                    new QueryRequest("DescribeAlarms")
                        .AddList("AlarmNames", names)
                        .AddList("AlarmTypes", ["MetricAlarm", "CompositeAlarm"])
                        .Add("NextToken", nextToken),
                    cancellationToken);
                alarms.AddRange(result.List("MetricAlarms").Concat(result.List("CompositeAlarms")).Select(ReadAlarm));
                nextToken = result.Text("NextToken");
            }
            while (!string.IsNullOrEmpty(nextToken));
        }

        return alarms;
    }

    public Task PutMetricAlarmAsync(MetricAlarm alarm, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("PutMetricAlarm")
                .Add("AlarmName", alarm.Name)
                .Add("MetricName", alarm.MetricName)
                .Add("Namespace", alarm.Namespace)
                .Add("Statistic", alarm.Statistic)
                .Add("Period", alarm.PeriodSeconds)
                .Add("EvaluationPeriods", alarm.EvaluationPeriods)
                .Add("Threshold", alarm.Threshold)
                .Add("ComparisonOperator", alarm.ComparisonOperator)
                .AddList("Dimensions", alarm.Dimensions, (r, p, d) => r.Add($"{p}.Name", d.Key).Add($"{p}.Value", d.Value)),
            cancellationToken);

    public Task SetAlarmStateAsync(string alarmName, AlarmState state, string reason, CancellationToken cancellationToken = default) =>
        query.SendAsync(
            new QueryRequest("SetAlarmState")
                .Add("AlarmName", alarmName)
                .Add("StateValue", ToWire(state))
                .Add("StateReason", reason),
            cancellationToken);

    private static Alarm ReadAlarm(XElement alarm) => new(
        alarm.Required("AlarmName"),
        alarm.Text("AlarmArn"),
        FromWire(alarm.Required("StateValue")),
        alarm.Text("StateReason"),
        alarm.Time("StateUpdatedTimestamp"),
        alarm.Text("MetricName"),
        alarm.Text("Namespace"));

    private static string ToWire(AlarmState state) => state switch
    {
        AlarmState.Ok => "OK",
        AlarmState.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    private static AlarmState FromWire(string state) => state switch
    {
        "OK" => AlarmState.Ok,
        "ALARM" => AlarmState.Alarm,
        _ => AlarmState.InsufficientData,
    };
}
