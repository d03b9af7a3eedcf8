using BlueGreen.Core.Requests;

namespace BlueGreen.Functions.Contracts;

/// <summary>What NormalizeRequest returns (at <c>$.deployment</c>) for a <c>Step Functions Execution
/// Status Change</c> event instead of a <see cref="Deployment"/>: the execution to clean up. The ASL's
/// RouteInput Choice sends a state with <c>$.deployment.stoppedExecution</c> to RecoverStoppedDeployment.</summary>
public sealed record StoppedDeploymentCleanup(StoppedExecution StoppedExecution);
