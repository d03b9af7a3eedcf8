namespace BlueGreen.Functions.Contracts;

/// <summary>The answer <c>bluegreen approve</c> sends as the task's output (<c>ResultPath: "$.approval"</c>).
/// A rejection is a task failure (ApprovalRejected) instead, so it never appears here.</summary>
public sealed record ApprovalAnswer(bool Approved, string? Comment, DateTimeOffset AnsweredAt);
