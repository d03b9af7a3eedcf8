using System.Text.Json.Serialization;

namespace BlueGreen.Functions.Contracts;

/// <summary>Where green lives (<c>$.green.kind</c>): what PromoteGreen, RetireBlue and RollBack do depends on it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GreenKind>))]
public enum GreenKind
{
    /// <summary>A group made by ProvisionGreen beside blue; rollback deletes it.</summary>
    [JsonStringEnumMemberName("newGroup")] NewGroup,

    /// <summary>Blue's own group, expanded with new-version instances (<c>in-group</c>).</summary>
    [JsonStringEnumMemberName("inGroup")] InGroup,

    /// <summary>The idle group of the settings' <c>pair</c>; never created or deleted.</summary>
    [JsonStringEnumMemberName("pairIdle")] PairIdle,
}
