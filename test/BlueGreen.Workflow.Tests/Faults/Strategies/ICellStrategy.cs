using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>One strategy as the matrix drives it: how to seed an application for it, and what
/// "attached to the traffic path" means for it (DESIGN §4).</summary>
public interface ICellStrategy
{
    /// <summary>The settings' strategy name (pair: "pair" over swap).</summary>
    string Name { get; }

    /// <summary>A fresh application with blue serving; green is declared unhealthy after
    /// <paramref name="healthTimeoutSeconds"/> (real seconds).</summary>
    Task<CellApplication> SeedAsync(WorkflowCloud cloud, int healthTimeoutSeconds);

    /// <summary>Null when <paramref name="live"/> receives the application's traffic; otherwise what is wrong.</summary>
    Task<string?> TrafficPathProblemAsync(WorkflowCloud cloud, CellApplication application, AutoScalingGroup live);
}
