namespace BlueGreen.Local.CodeDeploy;

/// <summary>A deployment group's EC2 tag filter (Type: KEY_ONLY, VALUE_ONLY or KEY_AND_VALUE).</summary>
public sealed record Ec2TagFilter(string? Key, string? Value, string Type)
{
    public const string KeyOnly = "KEY_ONLY";
    public const string ValueOnly = "VALUE_ONLY";
    public const string KeyAndValue = "KEY_AND_VALUE";
}
