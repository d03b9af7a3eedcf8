using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>
/// Responses generated from botocore's model of an operation's output (wire_documents.py), so a
/// parser is tested against what AWS writes rather than what moto happens to write.
/// </summary>
public static class WireDocuments
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Support", "wire_documents.py");

    /// <summary>Generates the documents asked for, in one Python run.</summary>
    public static async Task<IReadOnlyList<WireDocument>> GenerateAsync(params WireAsk[] asks)
    {
        var input = new JsonArray(asks.Select(a => (JsonNode)a.ToJson()).ToArray());
        var output = JsonNode.Parse(await BotocorePython.RunAsync(Script, input.ToJsonString()))!.AsArray();
        return output.Select(d => new WireDocument(
            d!["status"]!.GetValue<int>(),
            d["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>()),
            d["body"]!.GetValue<string>(),
            d["values"]!.AsObject(),
            d["tokens"]!.AsArray().Select(t => t!.GetValue<string>()).ToList())).ToList();
    }

    /// <summary>Clients whose requests are answered, in order, by <paramref name="documents"/>
    /// (the last one again if more requests come), through AwsClients' interceptor: no server.</summary>
    public static (AwsClients Clients, InterceptingHandler Requests) Answering(IReadOnlyList<WireDocument> documents)
    {
        var next = 0;
        var intercept = new InterceptingHandler { Respond = _ => documents[Math.Min(next++, documents.Count - 1)].Response() };
        return (new AwsClients(MotoFixture.Settings(new Uri("http://127.0.0.1:1")), intercept), intercept);
    }
}

/// <param name="Mode">"full": every member of the output shape; "required": only the model's required members and <paramref name="Keep"/>.</param>
/// <param name="LastPage">Leaves the pagination tokens out.</param>
/// <param name="Set">Generated values a parser needs to be meaningful, by dotted path ("events.0.type").</param>
/// <param name="Protocol">When the model lists several (CloudWatch), the one our client speaks.</param>
public sealed record WireAsk(
    string Service,
    string Operation,
    string Mode = "full",
    bool LastPage = false,
    IReadOnlyList<string>? Keep = null,
    IReadOnlyDictionary<string, JsonNode?>? Set = null,
    string? Protocol = null)
{
    public static WireAsk Full(string service, string operation, bool lastPage = true) => new(service, operation, LastPage: lastPage);

    public static WireAsk Sparse(string service, string operation, params string[] keep) => new(service, operation, "required", LastPage: true, Keep: keep);

    public JsonObject ToJson() => new()
    {
        ["service"] = Service,
        ["operation"] = Operation,
        ["mode"] = Mode,
        ["token"] = !LastPage,
        ["keep"] = new JsonArray((Keep ?? []).Select(k => (JsonNode)k).ToArray()),
        ["set"] = new JsonObject((Set ?? new Dictionary<string, JsonNode?>()).Select(s => KeyValuePair.Create(s.Key, s.Value?.DeepClone()))),
        ["protocol"] = Protocol,
    };
}

/// <summary>One generated response, and the values botocore itself reads from it (timestamps as ISO-8601 text).</summary>
public sealed record WireDocument(int Status, IReadOnlyDictionary<string, string> Headers, string Body, JsonObject Values, IReadOnlyList<string> Tokens)
{
    public HttpResponseMessage Response()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = new StringContent(Body, Encoding.UTF8) };
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(value);
            }
            else
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    /// <summary>A generated value by dotted path ("AutoScalingGroups.0.AutoScalingGroupName").</summary>
    public JsonNode? this[string path] => path.Split('.').Aggregate<string, JsonNode?>(Values, (node, part) =>
        int.TryParse(part, out var index) ? node?[index] : node?[part]);

    public string Text(string path) => this[path]!.GetValue<string>();

    public DateTimeOffset Time(string path) => DateTimeOffset.Parse(Text(path), System.Globalization.CultureInfo.InvariantCulture);
}
