using System.Text.Json;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// What NormalizeRequest returns (at <c>$.deployment</c>) for an image event whose AMI has no
/// <c>bluegreen:application</c> tag yet, within the wait the stack allows. The ASL waits
/// <see cref="AwaitingImageTag.CheckAgainInSeconds"/> and passes this object back to
/// NormalizeRequest as its input, which reads the event again and keeps counting from
/// <see cref="AwaitingImageTag.FirstCheckedAt"/>.
/// </summary>
public sealed record ImageTagAwaited(AwaitingImageTag AwaitingImageTag, JsonElement Event)
{
    public const string Property = "awaitingImageTag";
}

/// <param name="FirstCheckedAt">When the tag was first found missing (the function's clock).</param>
/// <param name="GivesUpAt">After this, the AMI is ignored as no application's.</param>
public sealed record AwaitingImageTag(string ImageId, DateTimeOffset FirstCheckedAt, int WaitedSeconds, int CheckAgainInSeconds, DateTimeOffset GivesUpAt);
