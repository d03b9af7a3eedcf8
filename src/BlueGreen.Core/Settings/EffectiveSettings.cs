using BlueGreen.Core.Errors;
using BlueGreen.Core.Internal;
using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Settings;

/// <summary>
/// Applies a request's per-execution overrides (strategy, traffic, CodeDeploy revision) to the
/// application's settings and checks the result again, since an override can need a section the
/// settings lack (e.g. strategy weighted without a weighted section).
/// </summary>
public static class EffectiveSettings
{
    public static ApplicationSettings Merge(ApplicationSettings settings, DeploymentRequest request)
    {
        var problems = new ProblemCollector();
        var codeDeploy = settings.CodeDeploy;
        if (request.CodeDeploy is { } requested)
        {
            if (codeDeploy is null)
            {
                problems.Add(
                    "$.codeDeploy",
                    $"the request gives a CodeDeploy revision but the settings of {request.Application} have no codeDeploy section",
                    $"add codeDeploy {{\"application\", \"deploymentGroup\"}} to {ApplicationSettings.ParameterName(request.Application)}, or leave codeDeploy out of the request");
            }
            else
            {
                codeDeploy = codeDeploy with { Revision = requested.Revision };
            }
        }

        if (codeDeploy is { Revision: null })
        {
            problems.Add(
                "$.codeDeploy.revision",
                "neither the request nor the settings name a CodeDeploy revision",
                "give codeDeploy.revision in the request, or a default revision in the settings");
        }

        var merged = settings with
        {
            Strategy = request.Strategy ?? settings.Strategy,
            Traffic = request.Traffic ?? settings.Traffic,
            CodeDeploy = codeDeploy,
        };
        SettingsRules.Check(merged, problems, request.Strategy is null ? "" : " (chosen by the request)");
        problems.ThrowIfAny($"The request for {request.Application} combined with its settings");
        return merged;
    }
}
