using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>The AWS API as botocore models it, looked up by IAM service prefix. A model counts under
/// its <c>metadata.signingName</c> and <c>endpointPrefix</c> (elbv2 and elb both under
/// elasticloadbalancing); of a service's version directories the newest wins.</summary>
internal sealed class BotocoreModels
{
    /// <summary>IAM prefixes that no model signs or serves as, with the model's name for them.</summary>
    private static readonly Dictionary<string, string> IamPrefixAliases = new()
    {
        ["cloudwatch"] = "monitoring", // IAM says cloudwatch; the API is served from and signed as monitoring
    };

    private readonly ILookup<string, string> _modelsByPrefix;
    private readonly Dictionary<string, HashSet<string>> _operations = [];

    private BotocoreModels(string dataDirectory) =>
        _modelsByPrefix = System.IO.Directory.EnumerateDirectories(dataDirectory)
            .Select(NewestModel)
            .OfType<string>()
            .SelectMany(model => Prefixes(model).Select(prefix => (prefix, model)))
            .ToLookup(p => p.prefix, p => p.model);

    public static BotocoreModels Load() => new(Path.Combine(PythonPackage.Directory("botocore"), "data"));

    /// <summary>The operations of every model under the prefix (IAM names are case-insensitive);
    /// null when no model has the prefix.</summary>
    public IReadOnlySet<string>? Operations(string iamPrefix)
    {
        var prefix = IamPrefixAliases.GetValueOrDefault(iamPrefix, iamPrefix);
        if (!_modelsByPrefix.Contains(prefix))
        {
            return null;
        }

        if (!_operations.TryGetValue(prefix, out var operations))
        {
            operations = _modelsByPrefix[prefix]
                .SelectMany(model => JsonNode.Parse(Open(model))!["operations"]!.AsObject().Select(o => o.Key))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            _operations[prefix] = operations;
        }

        return operations;
    }

    private static string? NewestModel(string serviceDirectory) =>
        System.IO.Directory.EnumerateDirectories(serviceDirectory)
            .Order(StringComparer.Ordinal)
            .SelectMany(version => new[] { "service-2.json.gz", "service-2.json" }.Select(file => Path.Combine(version, file)))
            .LastOrDefault(File.Exists);

    private static Stream Open(string model) =>
        model.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(File.OpenRead(model), CompressionMode.Decompress) : File.OpenRead(model);

    /// <summary>signingName and endpointPrefix from the metadata at the head of the model, without
    /// inflating the megabytes of shapes after it.</summary>
    private static IEnumerable<string> Prefixes(string model)
    {
        using var stream = Open(model);
        var head = new byte[16 * 1024];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var reader = new Utf8JsonReader(head.AsSpan(0, length), isFinalBlock: false, default);
        var prefixes = new List<string>();
        var depth = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("metadata"))
            {
                depth = reader.CurrentDepth;
            }
            else if (depth > 0 && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return prefixes;
            }
            else if (depth > 0 && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1
                     && (reader.ValueTextEquals("signingName") || reader.ValueTextEquals("endpointPrefix")))
            {
                reader.Read();
                prefixes.Add(reader.GetString()!);
            }
        }

        throw new InvalidDataException($"{model}: no metadata in its first {head.Length} bytes: {Encoding.UTF8.GetString(head, 0, Math.Min(length, 200))}");
    }
}
