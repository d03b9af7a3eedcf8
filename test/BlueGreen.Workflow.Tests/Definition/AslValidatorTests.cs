using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>The ASL as Step Functions would receive it (placeholders substituted) passes asl-validator,
/// which knows the States Language schema, paths and intrinsic functions better than our own walks.</summary>
public sealed class AslValidatorTests(ITestOutputHelper output)
{
    [AslValidatorFact]
    public async Task AslValidator_SubstitutedDefinition_IsValid()
    {
        Assert.True(AslValidator.IsInstalled, $"asl-validator is not installed in {AslValidator.Directory}: npm ci --prefix tools/asl-validator");
        var path = Path.Combine(Path.GetTempPath(), $"bluegreen-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(path, Substituted());
        try
        {
            var (exitCode, printed) = await AslValidator.ValidateAsync(path);
            output.WriteLine(printed);

            Assert.True(exitCode == 0, $"asl-validator exited {exitCode}:\n{printed}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The definition with each DefinitionSubstitutions key replaced by a plausible value of what
    /// the template puts there.</summary>
    private static string Substituted()
    {
        var template = ServerlessTemplate.Load();
        var text = StateMachineDefinition.Load().Text;
        foreach (var (key, value) in template.StateMachine["DefinitionSubstitutions"]!.AsObject())
        {
            text = text.Replace($"${{{key}}}", PlausibleValue(template, key, value!));
        }

        return text;
    }

    private static string PlausibleValue(ServerlessTemplate template, string key, JsonNode value)
    {
        if (value is JsonValue literal && literal.TryGetValue<string>(out var text))
        {
            return text;
        }

        var getAtt = (value as JsonObject)?["Fn::GetAtt"]?.AsArray().Select(part => part?.GetValue<string>()).ToList();
        return getAtt is [{ } resource, "Arn"]
               && template.Resources[resource]?["Type"]?.GetValue<string>() == "AWS::Serverless::Function"
            ? $"arn:aws:lambda:us-east-1:123456789012:function:{resource}"
            : throw new InvalidOperationException(
                $"DefinitionSubstitutions.{key} is {value.ToJsonString()}: give it a plausible value in {nameof(AslValidatorTests)}.{nameof(PlausibleValue)}");
    }
}
