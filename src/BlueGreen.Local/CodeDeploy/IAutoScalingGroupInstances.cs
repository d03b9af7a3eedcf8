namespace BlueGreen.Local.CodeDeploy;

/// <summary>The instances a deployment to an Auto Scaling group reaches.</summary>
public interface IAutoScalingGroupInstances
{
    /// <summary>Ids of the group's InService instances; empty when the group does not exist.</summary>
    Task<IReadOnlyList<string>> ListInServiceAsync(string region, string autoScalingGroupName, CancellationToken cancellationToken);
}
