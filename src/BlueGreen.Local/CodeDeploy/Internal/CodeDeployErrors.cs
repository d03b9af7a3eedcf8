namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>The CodeDeploy errors the emulator raises, named as in the service model.</summary>
internal static class CodeDeployErrors
{
    public static CodeDeployError Serialization(string message) => new("SerializationException", message);

    public static CodeDeployError ApplicationNameRequired() =>
        new("ApplicationNameRequiredException", "The minimum number of required application names was not specified.");

    public static CodeDeployError DeploymentGroupNameRequired() =>
        new("DeploymentGroupNameRequiredException", "The deployment group name was not specified.");

    public static CodeDeployError RevisionRequired() =>
        new("RevisionRequiredException", "The revision ID was not specified.");

    public static CodeDeployError DeploymentIdRequired() =>
        new("DeploymentIdRequiredException", "At least one deployment ID must be specified.");

    public static CodeDeployError DeploymentDoesNotExist(string id) =>
        new("DeploymentDoesNotExistException", $"The deployment {id} does not exist with the user or AWS account.");

    public static CodeDeployError DeploymentAlreadyCompleted(string id) =>
        new("DeploymentAlreadyCompletedException", $"The deployment {id} has already completed.");

    public static CodeDeployError DeploymentLimitExceeded(string group, string activeId) =>
        new("DeploymentLimitExceededException", $"The Deployment Group '{group}' already has an active Deployment '{activeId}'");

    public static CodeDeployError BatchLimitExceeded(int limit) =>
        new("BatchLimitExceededException", $"The maximum number of IDs allowed for this request ({limit}) was exceeded.");

    public static CodeDeployError InvalidDeploymentStatus(string status) =>
        new("InvalidDeploymentStatusException", $"The deployment status {status} is not valid.");

    public static CodeDeployError InvalidInstanceStatus(string status) =>
        new("InvalidInstanceStatusException", $"The instance status {status} is not valid.");

    public static CodeDeployError InvalidTimeRange() =>
        new("InvalidTimeRangeException", "The specified time range was specified in an invalid format.");
}
