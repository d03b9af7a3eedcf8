namespace BlueGreen.Core.Naming;

/// <summary>Tag keys every fleet carries (the color tag's key is in settings).</summary>
public static class TagKeys
{
    public const string Application = "bluegreen:application";
    public const string Deployment = "bluegreen:deployment";
}
