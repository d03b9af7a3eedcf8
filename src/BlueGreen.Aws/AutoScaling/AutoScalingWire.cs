using System.Xml.Linq;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.AutoScaling;

/// <summary>Our Auto Scaling records to and from the Query wire shapes (botocore autoscaling 2011-01-01).</summary>
internal static class AutoScalingWire
{
    public static QueryRequest AddLaunchTemplate(this QueryRequest request, string prefix, LaunchTemplateReference? template) =>
        template is null
            ? request
            : request
                .Add($"{prefix}.LaunchTemplateId", template.Id)
                .Add($"{prefix}.LaunchTemplateName", template.Name)
                .Add($"{prefix}.Version", template.Version);

    public static QueryRequest AddMixedInstancesPolicy(this QueryRequest request, MixedInstancesPolicy? policy)
    {
        if (policy is null)
        {
            return request;
        }

        const string prefix = "MixedInstancesPolicy";
        request
            .AddLaunchTemplate($"{prefix}.LaunchTemplate.LaunchTemplateSpecification", policy.LaunchTemplate)
            .AddList($"{prefix}.LaunchTemplate.Overrides", policy.Overrides, (r, p, o) => r
                .Add($"{p}.InstanceType", o.InstanceType)
                .Add($"{p}.WeightedCapacity", o.WeightedCapacity));
        if (policy.Distribution is { } d)
        {
            request
                .Add($"{prefix}.InstancesDistribution.OnDemandAllocationStrategy", d.OnDemandAllocationStrategy)
                .Add($"{prefix}.InstancesDistribution.OnDemandBaseCapacity", d.OnDemandBaseCapacity)
                .Add($"{prefix}.InstancesDistribution.OnDemandPercentageAboveBaseCapacity", d.OnDemandPercentageAboveBaseCapacity)
                .Add($"{prefix}.InstancesDistribution.SpotAllocationStrategy", d.SpotAllocationStrategy)
                .Add($"{prefix}.InstancesDistribution.SpotInstancePools", d.SpotInstancePools)
                .Add($"{prefix}.InstancesDistribution.SpotMaxPrice", d.SpotMaxPrice);
        }

        return request;
    }

    public static QueryRequest AddTags(this QueryRequest request, string groupName, IEnumerable<GroupTag> tags) =>
        request.AddList("Tags", tags, (r, p, tag) => r
            .Add($"{p}.ResourceId", groupName)
            .Add($"{p}.ResourceType", "auto-scaling-group")
            .Add($"{p}.Key", tag.Key)
            .Add($"{p}.Value", tag.Value)
            .Add($"{p}.PropagateAtLaunch", tag.PropagateAtLaunch));

    public static QueryRequest AddLifecycleHook(this QueryRequest request, string prefix, LifecycleHook hook) =>
        request
            .Add($"{prefix}LifecycleHookName", hook.Name)
            .Add($"{prefix}LifecycleTransition", hook.Transition)
            .Add($"{prefix}HeartbeatTimeout", hook.HeartbeatTimeoutSeconds)
            .Add($"{prefix}DefaultResult", hook.DefaultResult)
            .Add($"{prefix}NotificationMetadata", hook.NotificationMetadata)
            .Add($"{prefix}NotificationTargetARN", hook.NotificationTargetArn)
            .Add($"{prefix}RoleARN", hook.RoleArn);

    /// <summary>Subnets travel as one comma-separated VPCZoneIdentifier.</summary>
    public static string? ZoneIdentifier(IReadOnlyList<string>? subnetIds) =>
        subnetIds is { Count: > 0 } ? string.Join(',', subnetIds) : null;

    public static AutoScalingGroup ReadGroup(XElement group) => new(
        group.Required("AutoScalingGroupName"),
        group.Text("AutoScalingGroupARN"),
        ReadLaunchTemplate(group.Child("LaunchTemplate")),
        ReadMixedInstancesPolicy(group.Child("MixedInstancesPolicy")),
        group.Text("LaunchConfigurationName"),
        group.Int("MinSize") ?? 0,
        group.Int("MaxSize") ?? 0,
        group.Int("DesiredCapacity") ?? 0,
        group.Strings("AvailabilityZones"),
        (group.Text("VPCZoneIdentifier") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        group.Text("HealthCheckType") ?? "EC2",
        group.Int("HealthCheckGracePeriod"),
        group.Strings("TerminationPolicies"),
        group.Strings("TargetGroupARNs"),
        group.List("Tags").Select(t => new GroupTag(t.Required("Key"), t.Text("Value") ?? "", t.Bool("PropagateAtLaunch") ?? false)).ToList(),
        group.List("Instances").Select(ReadInstance).ToList(),
        group.Time("CreatedTime"),
        group.Text("Status"))
    {
        NewInstancesProtectedFromScaleIn = group.Bool("NewInstancesProtectedFromScaleIn") ?? false,
    };

    private static GroupInstance ReadInstance(XElement instance) => new(
        instance.Required("InstanceId"),
        instance.Text("LifecycleState") ?? "",
        instance.Text("HealthStatus") ?? "",
        instance.Text("AvailabilityZone"),
        instance.Text("InstanceType"),
        ReadLaunchTemplate(instance.Child("LaunchTemplate")),
        instance.Text("LaunchConfigurationName"),
        instance.Bool("ProtectedFromScaleIn") ?? false);

    private static LaunchTemplateReference? ReadLaunchTemplate(XElement? template) =>
        template is null
            ? null
            : new LaunchTemplateReference(template.Text("LaunchTemplateId"), template.Text("LaunchTemplateName"), template.Text("Version"));

    private static MixedInstancesPolicy? ReadMixedInstancesPolicy(XElement? policy)
    {
        var launchTemplate = policy?.Child("LaunchTemplate");
        if (launchTemplate is null)
        {
            return null;
        }

        var distribution = policy!.Child("InstancesDistribution");
        return new MixedInstancesPolicy(
            ReadLaunchTemplate(launchTemplate.Child("LaunchTemplateSpecification")) ?? new LaunchTemplateReference(),
            launchTemplate.List("Overrides").Select(o => new InstanceTypeOverride(o.Required("InstanceType"), o.Text("WeightedCapacity"))).ToList(),
            distribution is null
                ? null
                : new InstancesDistribution(
                    distribution.Text("OnDemandAllocationStrategy"),
                    distribution.Int("OnDemandBaseCapacity"),
                    distribution.Int("OnDemandPercentageAboveBaseCapacity"),
                    distribution.Text("SpotAllocationStrategy"),
                    distribution.Int("SpotInstancePools"),
                    distribution.Text("SpotMaxPrice")));
    }

    public static LaunchConfiguration ReadLaunchConfiguration(XElement configuration) => new(
        configuration.Required("LaunchConfigurationName"),
        configuration.Required("ImageId"),
        configuration.Required("InstanceType"),
        NullIfEmpty(configuration.Text("KeyName")),
        configuration.Strings("SecurityGroups"),
        NullIfEmpty(configuration.Text("UserData")),
        NullIfEmpty(configuration.Text("IamInstanceProfile")),
        configuration.Bool("AssociatePublicIpAddress"),
        configuration.Bool("EbsOptimized"),
        configuration.Child("InstanceMonitoring")?.Bool("Enabled"));

    public static LifecycleHook ReadLifecycleHook(XElement hook) => new(
        hook.Required("LifecycleHookName"),
        hook.Required("LifecycleTransition"),
        hook.Int("HeartbeatTimeout"),
        hook.Text("DefaultResult"),
        hook.Text("NotificationMetadata"),
        hook.Text("NotificationTargetARN"),
        hook.Text("RoleARN"));

    public static ScalingActivity ReadActivity(XElement activity) => new(
        activity.Required("ActivityId"),
        activity.Text("Description") ?? "",
        activity.Text("Cause") ?? "",
        activity.Text("StatusCode") ?? "",
        activity.Text("StatusMessage"),
        activity.Time("StartTime"),
        activity.Time("EndTime"),
        activity.Int("Progress"));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
