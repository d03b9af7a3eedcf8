using System.Diagnostics;
using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>
/// The SAM transform CloudFormation runs on deploy (aws-sam-translator, installed with cfn-lint),
/// run on a template here. A template the transform rejects throws <see cref="Rejected"/> with
/// the transform's own messages.
/// </summary>
internal static class SamTransform
{
    // No managed policy is named in the template, so the loader is never asked; if one is added,
    // the transform fails here naming it, and its ARN belongs in a stub map in this script.
    private const string Script = """
        import json, sys
        from samtranslator.translator.transform import transform
        from samtranslator.public.exceptions import InvalidDocumentException

        class NoManagedPolicies:
            def load(self):
                raise RuntimeError("the template names an AWS managed policy: give SamTransform.cs a stub map of its ARN")

        try:
            result = transform(json.load(sys.stdin), {}, NoManagedPolicies())
        except InvalidDocumentException as rejected:
            print("\n".join(cause.message for cause in rejected.causes), file=sys.stderr)
            sys.exit(2)
        json.dump(result, sys.stdout)
        """;

    public static JsonObject Run(JsonObject template)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("BLUEGREEN_PYTHON") ?? "python3", ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The transform fills AWS::Region and AWS::Partition from a boto3 session; no credentials are used.
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment.Remove("AWS_PROFILE");
        using var python = Process.Start(start)!;
        python.StandardInput.Write(template.ToJsonString());
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEndAsync();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();

        return python.ExitCode switch
        {
            0 => JsonNode.Parse(output.Result)!.AsObject(),
            2 => throw new Rejected(error.Trim()),
            _ => throw new InvalidOperationException($"python3 could not run the SAM transform (pip install cfn-lint brings aws-sam-translator): {error}"),
        };
    }

    /// <summary>
    /// <paramref name="template"/> as `sam build && sam package` leave it: each function's CodeUri
    /// the S3 URI of its uploaded build, each state machine's DefinitionUri the uploaded file's
    /// {Bucket, Key}; nothing else changed.
    /// </summary>
    public static JsonObject Packaged(JsonObject template, string bucket)
    {
        var packaged = template.DeepClone().AsObject();
        foreach (var (id, resource) in packaged["Resources"]!.AsObject())
        {
            var type = resource!["Type"]!.GetValue<string>();
            var properties = resource["Properties"]!.AsObject();
            if (type == "AWS::Serverless::Function")
            {
                properties["CodeUri"] = $"s3://{bucket}/bluegreen/{id}.zip";
            }
            else if (type == "AWS::Serverless::StateMachine")
            {
                properties["DefinitionUri"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = $"bluegreen/{id}.asl.json" };
            }
        }

        return packaged;
    }

    public sealed class Rejected(string messages) : Exception($"the SAM transform rejects the template:\n{messages}");
}
