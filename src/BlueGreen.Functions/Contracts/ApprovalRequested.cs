namespace BlueGreen.Functions.Contracts;

/// <summary>What AwaitApproval's Lambda did. The state's own result is the answer a person sends
/// (<see cref="ApprovalAnswer"/>), so this is only seen in the Lambda's logs and tests.</summary>
/// <param name="MessageId">The SNS message id, when a notification topic is set.</param>
public sealed record ApprovalRequested(string ExecutionArn, DateTimeOffset RequestedAt, string? MessageId);
