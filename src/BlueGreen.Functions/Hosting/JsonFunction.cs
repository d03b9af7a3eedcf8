using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Hosting;

/// <summary>
/// A Lambda handler for one state: reads the state's input JSON, runs the step, writes its result.
/// The managed dotnet runtime calls <see cref="HandleAsync(Stream)"/> directly (no serializer
/// package needed for streams); the local gateway calls <see cref="InvokeAsync"/>.
/// A domain error propagates unchanged: its type name is the error the state machine catches;
/// anything else leaves as <see cref="Transient"/> or <see cref="UnexpectedError"/>. An input that
/// belongs to a deployment (<see cref="IDeploymentInput"/>) puts its id and application on the log.
/// </summary>
public abstract class JsonFunction<TInput, TOutput>(FunctionServices services, JsonTypeInfo<TInput> input, JsonTypeInfo<TOutput> output)
    where TInput : class
{
    protected FunctionServices Services { get; } = services;

    /// <summary>The state name, as the ASL and the template name it.</summary>
    protected virtual string StepName => GetType().Name;

    /// <summary>The Lambda entry point; the only method of that name, as the runtime requires.</summary>
    public Task<Stream> HandleAsync(Stream request) => InvokeAsync(request, CancellationToken.None);

    public async Task<Stream> InvokeAsync(Stream request, CancellationToken cancellationToken)
    {
        var log = new StepLog(Services.Log, Services.Time, StepName);
        try
        {
            var value = await ReadAsync(request, cancellationToken);
            if (value is IDeploymentInput { Deployment: { } deployment })
            {
                // Once for every step (docs/how-it-works.md, "Log records"): each later record carries them.
                log.With("deploymentId", deployment.DeploymentId).With("application", deployment.Application);
            }

            var result = await RunAsync(value, log, cancellationToken);
            var response = new MemoryStream();
            await JsonSerializer.SerializeAsync(response, result, output, cancellationToken);
            response.Position = 0;
            return response;
        }
        catch (Exception error) when (TransientCause(error) is { } cause)
        {
            // The client already retried; hand the rest to the state machine's Retry on "Transient".
            log.Warn("{Step} met a temporary AWS failure: {Reason}", StepName, cause);
            throw new Transient($"{StepName}: {cause}", innerException: error);
        }
        catch (DeploymentError error)
        {
            log.Error(error, "{Step} failed: {Reason}", StepName, error.Message);
            throw;
        }
        catch (Exception error)
        {
            // Only documented names leave a step: the original type and message go in the message.
            log.Error(error, "{Step} failed: {Reason}", StepName, error.Message);
            throw UnexpectedError.From(error, StepName);
        }
    }

    /// <summary>What to throw for input that is not JSON this step can read (too deep, NaN...);
    /// by default the JsonException itself, which ends as <see cref="UnexpectedError"/>.</summary>
    protected virtual Exception UnreadableInput(JsonException error) => error;

    private async Task<TInput> ReadAsync(Stream request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request, input, cancellationToken)
                ?? throw new ArgumentException($"{StepName} received null instead of its input.");
        }
        catch (JsonException unreadable)
        {
            throw UnreadableInput(unreadable);
        }
    }

    private static string? TransientCause(Exception error) => error switch
    {
        AwsServiceException { IsTransient: true } aws => $"{aws.Service} {aws.Operation} answered {aws.Code}: {aws.ErrorMessage}",
        HttpRequestException network => $"network failure: {network.Message}",
        _ => null,
    };

    protected abstract Task<TOutput> RunAsync(TInput input, StepLog log, CancellationToken cancellationToken);
}
