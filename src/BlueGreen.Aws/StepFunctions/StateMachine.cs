namespace BlueGreen.Aws.StepFunctions;

public sealed record StateMachine(
    string Arn,
    string Name,
    string? Status,
    string Definition,
    string RoleArn,
    string Type,
    DateTimeOffset? CreatedAt);
