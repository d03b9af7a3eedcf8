using BlueGreen.Aws.AutoScaling;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies;

/// <summary>What RollBack read before its first write, for the strategy's part of it.</summary>
/// <param name="Green">Green's group, null when it is gone or being deleted.</param>
public sealed record RollbackScene(WorkflowState State, AutoScalingGroup? Green, RollbackReport Report, StrategyServices Services, StepLog Log);
