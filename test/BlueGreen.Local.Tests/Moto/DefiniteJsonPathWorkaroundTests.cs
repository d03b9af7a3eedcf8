using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>definite-jsonpath: $.arr[0].x yielded ["yes"], so the Choice fell to Default.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class DefiniteJsonPathWorkaroundTests(MotoPool pool)
{
    private const string Definition = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.arr[0].x","StringEquals":"yes","Next":"Matched"}],"Default":"Unmatched"},
          "Matched":{"Type":"Succeed"},
          "Unmatched":{"Type":"Fail","Error":"Unmatched"}}}
        """;

    private const string Input = """{"arr":[{"x":"yes"}]}""";

    [Fact]
    public async Task Choice_IndexedPathWithWorkaround_MatchesValue()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(Definition, Input), TimeSpan.FromSeconds(10));

        Assert.Equal("SUCCEEDED", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Choice_IndexedPathWithoutWorkaround_TakesDefault()
    {
        var sfn = await pool.WithoutAsync("definite-jsonpath");

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(Definition, Input), TimeSpan.FromSeconds(10));

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("Unmatched", ended["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parameters_IndexedPathToListWithWorkaround_YieldsTheListItself()
    {
        var sfn = await pool.WithAllAsync();
        const string definition = """
            {"StartAt":"Pick","States":{"Pick":{"Type":"Pass",
              "Parameters":{"list.$":"$.groups[0].instances","wild.$":"$.groups[*].name","first.$":"$.groups[0].instances[0]"},"End":true}}}
            """;

        var ended = await sfn.WaitForEndAsync(
            await sfn.RunAsync(definition, """{"groups":[{"name":"green","instances":["i-1","i-2"]}]}"""),
            TimeSpan.FromSeconds(10));

        Assert.Equal("SUCCEEDED", ended["status"]!.GetValue<string>());
        Assert.Equal("""{"list":["i-1","i-2"],"wild":["green"],"first":"i-1"}""", JsonNode.Parse(ended["output"]!.GetValue<string>())!.ToJsonString());
    }
}
