namespace BlueGreen.Aws.Tests.Support;

/// <summary>Resource names that do not collide between tests sharing one moto server.</summary>
public static class Unique
{
    public static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
