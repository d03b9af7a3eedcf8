using System.Text.Json.Serialization;

namespace BlueGreen.Core.Settings;

/// <summary>CodeDeploy bundle types valid for EC2 deployments.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BundleType>))]
public enum BundleType
{
    [JsonStringEnumMemberName("zip")] Zip,
    [JsonStringEnumMemberName("tar")] Tar,
    [JsonStringEnumMemberName("tgz")] Tgz,
}
