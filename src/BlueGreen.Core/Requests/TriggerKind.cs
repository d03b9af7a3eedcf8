using System.Text.Json.Serialization;

namespace BlueGreen.Core.Requests;

/// <summary>Which of the three input shapes started the execution.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerKind>))]
public enum TriggerKind
{
    /// <summary>Console, CLI or CodePipeline JSON (they are the same shape).</summary>
    [JsonStringEnumMemberName("request")] Request,

    /// <summary>EventBridge <c>EC2 AMI State Change</c>.</summary>
    [JsonStringEnumMemberName("amiStateChange")] AmiStateChange,

    /// <summary>EventBridge <c>EC2 Image Builder Image State Change</c>.</summary>
    [JsonStringEnumMemberName("imageBuilder")] ImageBuilder,
}
