using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Core.Settings;

namespace BlueGreen.Functions.CodeDeployment;

/// <summary>
/// Whether a CodeDeploy deployment group reaches only the green fleet. BlueGreen deploys in place
/// to green, so the group itself must select green: by the color tag's green value (every tag
/// filter, since filters in one list are OR-ed) and/or by green's group name. CreateDeployment's
/// <c>targetInstances</c> cannot narrow it: AWS accepts it only for blue/green deployment groups
/// (InvalidTargetInstancesException for in-place ones).
/// </summary>
public static class DeploymentGroupScope
{
    /// <returns>Null when the group reaches only green; otherwise what is wrong, in words.</returns>
    public static string? Problem(DeploymentGroup group, ColorTag colorTag, string greenGroup)
    {
        var problems = new List<string>();
        if (group.AutoScalingGroups.Count == 0 && group.Ec2TagFilters.Count == 0)
        {
            problems.Add("it selects no instances (no Auto Scaling groups, no EC2 tag filters)");
        }

        var others = group.AutoScalingGroups.Where(g => g != greenGroup).ToList();
        if (others.Count > 0)
        {
            problems.Add($"it deploys to Auto Scaling group(s) {string.Join(", ", others)}, which are not the green fleet {greenGroup}");
        }

        var loose = group.Ec2TagFilters
            .Where(f => !(f.Type == "KEY_AND_VALUE" && f.Key == colorTag.Key && f.Value == colorTag.Green))
            .Select(f => $"{f.Key ?? "*"}={f.Value ?? "*"} ({f.Type})")
            .ToList();
        if (loose.Count > 0)
        {
            problems.Add($"its EC2 tag filter(s) {string.Join(", ", loose)} can match instances outside the green fleet");
        }

        return problems.Count == 0
            ? null
            : $"CodeDeploy deployment group {group.Name} of application {group.ApplicationName} must reach only the green fleet, but "
              + string.Join("; ", problems)
              + $". Make its only EC2 tag filter {colorTag.Key}={colorTag.Green} (KEY_AND_VALUE) and list no Auto Scaling groups.";
    }
}
