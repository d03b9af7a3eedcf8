namespace BlueGreen.Functions.Contracts;

/// <summary>AwaitApproval's payload (<c>lambda:invoke.waitForTaskToken</c>): the state document and
/// the token that answers the task. The token is a credential for this one answer: stored with the
/// lock, never logged or published.</summary>
public sealed record ApprovalRequestInput(WorkflowState Workflow, string TaskToken) : IDeploymentInput
{
    Deployment IDeploymentInput.Deployment => Workflow.Deployment;
}
