namespace BlueGreen.Core.Settings;

/// <summary>
/// The <c>pair</c> option: two existing Auto Scaling groups owned by CloudFormation or Terraform.
/// The one not live is green (new launch template version, scaled to blue's capacity); the old one
/// is scaled to zero afterwards. No group is created or deleted, so the IaC never drifts by a group.
/// </summary>
/// <param name="Groups">Exactly two distinct group names.</param>
public sealed record PairSettings(IReadOnlyList<string> Groups)
{
    /// <summary>The group of the pair that is not <paramref name="live"/>, or null when live is not one of them.</summary>
    public string? IdleOf(string live) =>
        Groups.Contains(live, StringComparer.Ordinal) ? Groups.FirstOrDefault(g => !string.Equals(g, live, StringComparison.Ordinal)) : null;
}
