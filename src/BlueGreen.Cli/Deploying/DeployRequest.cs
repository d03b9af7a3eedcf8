using System.Text.Json.Nodes;
using BlueGreen.Cli.Operator;
using BlueGreen.Core.Requests;

namespace BlueGreen.Cli.Deploying;

/// <summary>
/// The console input (DESIGN.md §4) <c>bluegreen deploy</c> starts an execution with. What can be
/// told wrong without AWS (names, AMI id shape, percent ranges) is refused here, before anything
/// starts; the rest (settings, the AMI itself, the lock) NormalizeRequest and AcquireLock decide.
/// </summary>
internal sealed record DeployRequest(
    string Application,
    string ImageId,
    string? Strategy,
    string? Traffic,
    int? Percent,
    int? IntervalSeconds,
    string? Reason,
    bool DryRun)
{
    public static readonly string[] Strategies = ["swap", "weighted", "dns", "in-group"];
    public static readonly string[] TrafficTypes = ["all-at-once", "canary", "linear"];

    /// <exception cref="OperatorError">InvalidUsage, exit 2, naming the option and the fix.</exception>
    public DeployRequest Validated()
    {
        Refuse(!ApplicationName.IsValid(Application), $"application \"{Application}\" is not a BlueGreen application name ({ApplicationName.Pattern}).");
        Refuse(!BlueGreen.Core.Requests.ImageId.IsValid(ImageId), $"--image \"{ImageId}\" is not an AMI id (ami- and 8 or 17 hex digits, e.g. ami-0abc1234def567890).");
        Refuse(Reason is { Length: > BlueGreen.Core.Requests.DeploymentRequest.MaxReasonLength }, $"--reason is longer than {BlueGreen.Core.Requests.DeploymentRequest.MaxReasonLength} characters.");
        Refuse(Traffic is "canary" or "linear" && Percent is null, $"--traffic {Traffic} needs --percent (canary: 1-99, linear: 1-100).");
        Refuse(Traffic is "canary" && Percent is < 1 or > 99, "--percent for canary is 1 to 99.");
        Refuse(Traffic is "linear" && Percent is < 1 or > 100, "--percent for linear is 1 to 100.");
        Refuse(Traffic is null or "all-at-once" && (Percent ?? IntervalSeconds) is not null, "--percent and --interval go with --traffic canary or linear.");
        Refuse(IntervalSeconds is < 1 or > BlueGreen.Core.Settings.TrafficSettings.MaxIntervalSeconds, $"--interval is 1 to {BlueGreen.Core.Settings.TrafficSettings.MaxIntervalSeconds} seconds.");
        return this;
    }

    public JsonObject ToInput()
    {
        var input = new JsonObject { ["application"] = Application, ["imageId"] = ImageId };
        if (Strategy is not null)
        {
            input["strategy"] = Strategy;
        }

        if (Traffic is not null)
        {
            var traffic = new JsonObject
            {
                ["type"] = Traffic switch { "canary" => "Canary", "linear" => "Linear", _ => "AllAtOnce" },
            };
            if (Percent is { } percent)
            {
                traffic["percent"] = percent;
            }

            if (IntervalSeconds is { } interval)
            {
                traffic["intervalSeconds"] = interval;
            }

            input["traffic"] = traffic;
        }

        if (Reason is not null)
        {
            input["reason"] = Reason;
        }

        if (DryRun)
        {
            input["dryRun"] = true;
        }

        return input;
    }

    private static void Refuse(bool wrong, string message)
    {
        if (wrong)
        {
            throw new OperatorError("InvalidUsage", message, "See bluegreen deploy --help.");
        }
    }
}
