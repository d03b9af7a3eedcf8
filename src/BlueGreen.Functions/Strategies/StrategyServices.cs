using BlueGreen.Aws;

namespace BlueGreen.Functions.Strategies;

/// <summary>What a strategy calls: the AWS clients and the clock (a handler passes its own).</summary>
public sealed record StrategyServices(AwsClients Aws, TimeProvider Time);
