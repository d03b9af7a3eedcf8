namespace BlueGreen.Aws.CodeDeploy;

public enum DeploymentStatus
{
    Created,
    Queued,
    InProgress,
    Baking,
    Succeeded,
    Failed,
    Stopped,
    Ready,
}
