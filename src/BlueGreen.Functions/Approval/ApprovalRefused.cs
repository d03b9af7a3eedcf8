namespace BlueGreen.Functions.Approval;

/// <summary>An approve or reject that cannot be delivered; <see cref="Name"/> says why in one word
/// (<c>ExecutionNotFound</c>, <c>NotAwaitingApproval</c>), the message says what to do.</summary>
public sealed class ApprovalRefused(string name, string message) : Exception(message)
{
    public const string ExecutionNotFound = nameof(ExecutionNotFound);
    public const string NotAwaitingApproval = nameof(NotAwaitingApproval);

    public string Name { get; } = name;
}
