namespace BlueGreen.Aws.StepFunctions;

public sealed record StateMachineSummary(string Arn, string Name, string Type, DateTimeOffset? CreatedAt);
