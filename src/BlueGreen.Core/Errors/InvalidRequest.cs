using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>
/// The input, the settings or their combination is unusable. Carries every problem found, not
/// just the first, so one failed execution tells the user everything to fix.
/// </summary>
public sealed class InvalidRequest : DeploymentError
{
    /// <param name="problems">Every problem found; at least one.</param>
    /// <param name="subject">What was checked, starting the message: "The request", "The settings in /bluegreen/applications/shop".</param>
    public InvalidRequest(IReadOnlyList<Problem> problems, string subject = DefaultSubject)
        : base(Describe(problems, subject), ToDetails(problems))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("An InvalidRequest needs at least one problem.", nameof(problems));
        }

        Problems = problems;
    }

    public InvalidRequest(string path, string message, string fix)
        : this([new Problem(path, message, fix)])
    {
    }

    public const string DefaultSubject = "The request";

    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(IReadOnlyList<Problem> problems, string subject) => problems.Count switch
    {
        0 => $"{subject} is invalid.",
        1 => $"{subject} has a problem: {problems[0]}",
        _ => $"{subject} has {problems.Count} problems:\n"
             + string.Join("\n", problems.Select((p, i) => $"{i + 1}. {p}")),
    };

    // Built by hand (not by reflection) so AOT-published Lambdas can serialize it.
    private static JsonObject ToDetails(IReadOnlyList<Problem> problems) => new()
    {
        ["problems"] = new JsonArray(problems
            .Select(p => (JsonNode)new JsonObject
            {
                ["path"] = p.Path,
                ["message"] = p.Message,
                ["fix"] = p.Fix,
            })
            .ToArray()),
    };
}
