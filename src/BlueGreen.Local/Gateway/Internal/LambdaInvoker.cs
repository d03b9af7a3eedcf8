using BlueGreen.Local.Calls;
using System.Reflection;
using System.Text.Json;
using BlueGreen.Functions.Hosting;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>
/// Answers Lambda Invoke by running the C# handler in-process, with Lambda's own answers:
/// 200 and the result; or 200, <c>X-Amz-Function-Error: Unhandled</c> and
/// <c>{"errorType", "errorMessage"}</c>, whose errorType moto's Step Functions engine turns into
/// the ASL error name; or 404 ResourceNotFoundException for a function the catalog lacks.
/// </summary>
internal sealed class LambdaInvoker(IFunctionCatalog functions, string region, string accountId)
{
    private static readonly JsonSerializerOptions Compact = new();

    public async Task<BufferedResponse> InvokeAsync(string functionName, string invocationType, byte[] payload, CancellationToken cancellationToken)
    {
        var handler = functions.Find(functionName);
        if (handler is null)
        {
            return ErrorResponses.RestJson(404, "ResourceNotFoundException",
                $"Function not found: arn:aws:lambda:{region}:{accountId}:function:{functionName}");
        }

        if (string.Equals(invocationType, "DryRun", StringComparison.OrdinalIgnoreCase))
        {
            return new BufferedResponse(204, []);
        }

        if (string.Equals(invocationType, "Event", StringComparison.OrdinalIgnoreCase))
        {
            _ = Task.Run(() => RunAsync(functionName, handler, payload, CancellationToken.None), CancellationToken.None);
            return new BufferedResponse(202, []);
        }

        return await RunAsync(functionName, handler, payload, cancellationToken);
    }

    private static async Task<BufferedResponse> RunAsync(string functionName, FunctionHandler handler, byte[] payload, CancellationToken cancellationToken)
    {
        CallingFunction.Current = functionName;
        try
        {
            await using var output = await handler(new MemoryStream(payload, writable: false), cancellationToken);
            using var buffer = new MemoryStream();
            await output.CopyToAsync(buffer, cancellationToken);
            var response = new BufferedResponse(200, buffer.ToArray());
            response.Headers.Add(new("Content-Type", "application/json"));
            response.Headers.Add(new("X-Amz-Executed-Version", "$LATEST"));
            return response;
        }
        catch (Exception exception)
        {
            var error = Unwrap(exception);
            var body = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["errorType"] = error.GetType().Name,
                ["errorMessage"] = error.Message,
            }, Compact);
            var response = BufferedResponse.Text(200, "application/json", body);
            response.Headers.Add(new("X-Amz-Function-Error", "Unhandled"));
            response.Headers.Add(new("X-Amz-Executed-Version", "$LATEST"));
            return response;
        }
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
