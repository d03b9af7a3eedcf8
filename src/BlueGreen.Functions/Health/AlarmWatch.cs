using System.Text.Json.Nodes;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Health;

/// <summary>
/// The settings' watched alarms (<c>health.alarmNames</c>): any one of them in ALARM stops the
/// deployment at once with <see cref="AlarmFired"/> naming it, whatever else looks healthy.
/// </summary>
public sealed class AlarmWatch(ICloudWatch cloudWatch)
{
    /// <param name="during">What was happening, for the message: "while green's health was checked".</param>
    public async Task ThrowIfAnyInAlarmAsync(IReadOnlyList<string> alarmNames, string during, StepLog log, CancellationToken cancellationToken)
    {
        if (alarmNames.Count == 0)
        {
            return;
        }

        var alarms = await cloudWatch.DescribeAlarmsAsync(alarmNames, cancellationToken);
        var missing = alarmNames.Except(alarms.Select(a => a.Name), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            // Not fatal: a deleted alarm must not block deployments, but someone should know it watches nothing.
            log.Warn("Watched alarms {MissingAlarms} do not exist; they are not watched", missing);
        }

        var firing = alarms.Where(a => a.State == AlarmState.Alarm).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        if (firing.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", firing.Select(a => a.Name));
        throw new AlarmFired(
            $"Alarm {names} is in ALARM {during}: {string.Join("; ", firing.Select(a => $"{a.Name}: {a.StateReason ?? "no reason given"}"))}.",
            new JsonObject
            {
                ["alarms"] = new JsonArray(firing.Select(a => (JsonNode)new JsonObject
                {
                    ["name"] = a.Name,
                    ["reason"] = a.StateReason,
                    ["since"] = a.StateUpdatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()),
            });
    }
}
