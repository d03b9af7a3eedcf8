using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>
/// A Python check run with <c>python3 -c</c> (botocore comes with moto): responses against
/// botocore's model of a service (CodeDeploy unless named). Kept here rather than as a .py file so it needs no copy step.
/// </summary>
internal static class BotocoreShapeCheck
{
    public const string Script = """
        # Every member named in the model, every value of the model's type, every enum value allowed.
        # Input on stdin: {"Operation": response, ...}; output: a JSON list of problems.
        import json
        import sys

        import botocore.session

        model = botocore.session.get_session().get_service_model(sys.argv[1] if len(sys.argv) > 1 else "codedeploy")
        problems = []


        def is_number(value):
            return isinstance(value, (int, float)) and not isinstance(value, bool)


        def check(shape, value, path):
            kind = shape.type_name
            if kind == "structure":
                if not isinstance(value, dict):
                    problems.append(f"{path}: {shape.name} must be an object")
                    return
                for key, item in value.items():
                    if key not in shape.members:
                        problems.append(f"{path}.{key}: no such member of {shape.name}")
                    else:
                        check(shape.members[key], item, f"{path}.{key}")
            elif kind == "list":
                if not isinstance(value, list):
                    problems.append(f"{path}: {shape.name} must be a list")
                    return
                for index, item in enumerate(value):
                    check(shape.member, item, f"{path}[{index}]")
            elif kind == "map":
                if not isinstance(value, dict):
                    problems.append(f"{path}: {shape.name} must be an object")
                    return
                for key, item in value.items():
                    check(shape.value, item, f"{path}.{key}")
            elif kind == "string":
                if not isinstance(value, str):
                    problems.append(f"{path}: {shape.name} must be a string")
                elif shape.enum and value not in shape.enum:
                    problems.append(f"{path}: {value!r} is not one of {shape.name}")
            elif kind == "timestamp":
                if not is_number(value):
                    problems.append(f"{path}: timestamps are epoch seconds in JSON 1.1")
            elif kind in ("integer", "long"):
                if not isinstance(value, int) or isinstance(value, bool):
                    problems.append(f"{path}: {shape.name} must be an integer")
            elif kind in ("double", "float"):
                if not is_number(value):
                    problems.append(f"{path}: {shape.name} must be a number")
            elif kind == "boolean":
                if not isinstance(value, bool):
                    problems.append(f"{path}: {shape.name} must be a boolean")


        for operation, response in json.load(sys.stdin).items():
            check(model.operation_model(operation).output_shape, response, operation)
        print(json.dumps(problems))
        """;

    /// <summary>Checks <c>{"Operation": response, …}</c> against the model of <paramref name="service"/>
    /// (its botocore name, e.g. "imagebuilder"); returns the problems as a JSON list, "[]" when none.</summary>
    public static Task<string> RunAsync(string service, JsonObject responses) =>
        BotocorePython.RunAsync(Script, responses.ToJsonString(), service);
}
