namespace BlueGreen.Aws.AutoScaling;

/// <param name="PropagateAtLaunch">Copy the tag to the instances the group launches.</param>
public sealed record GroupTag(string Key, string Value, bool PropagateAtLaunch = true);
