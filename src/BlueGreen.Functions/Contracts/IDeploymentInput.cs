namespace BlueGreen.Functions.Contracts;

/// <summary>A step input that belongs to one deployment: <see cref="Hosting.JsonFunction{TInput, TOutput}"/>
/// puts its id and application on every log record of the step, so handlers never do.</summary>
public interface IDeploymentInput
{
    Deployment Deployment { get; }
}
