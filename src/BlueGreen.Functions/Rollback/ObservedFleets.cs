using BlueGreen.Aws.AutoScaling;

namespace BlueGreen.Functions.Rollback;

/// <summary>How many instances blue and green had InService when the rollback gave up, as read then;
/// null counts when they could not be read. A group that does not exist counts 0.</summary>
public sealed record ObservedFleets(int? BlueInService, int? GreenInService)
{
    public static ObservedFleets Unknown { get; } = new(null, null);

    /// <summary>Green has instances and blue none: green is what serves, whatever the tags say.</summary>
    public bool OnlyGreenServes => BlueInService == 0 && GreenInService > 0;

    public static ObservedFleets From(IReadOnlyList<AutoScalingGroup> groups, string? blue, string green) =>
        new(InService(groups, blue), InService(groups, green));

    private static int InService(IReadOnlyList<AutoScalingGroup> groups, string? name) =>
        groups.FirstOrDefault(g => g.Name == name)?.Instances.Count(i => i.LifecycleState == "InService") ?? 0;
}
