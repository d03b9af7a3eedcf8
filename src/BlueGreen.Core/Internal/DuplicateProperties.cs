using System.Text.Json;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Properties given twice anywhere in a document: JSON parsers disagree on which copy wins, and
/// JSON Schema sees only one of them, so this is checked beside the schema.
/// </summary>
internal static class DuplicateProperties
{
    public static IEnumerable<Problem> Find(JsonElement element, string path = JsonPath.Root)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var at = JsonPath.Property(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    yield return new Problem(at, "is given more than once", "keep one copy of the property");
                    continue;
                }

                foreach (var problem in Find(property.Value, at))
                {
                    yield return problem;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var problem in Find(item, JsonPath.Index(path, index++)))
                {
                    yield return problem;
                }
            }
        }
    }
}
