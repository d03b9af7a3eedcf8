using System.Text.Json;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// What NormalizeRequest returns (at <c>$.deployment</c>) for an image event whose AMI has no
/// <c>bluegreen:application</c> tag yet, within the wait the stack allows. The ASL waits
/// <see cref="AwaitingImageTag.CheckAgainInSeconds"/> and passes this object back to
/// NormalizeRequest as its input, which reads the event again and adds that pause to the wait.
/// </summary>
public sealed record ImageTagAwaited(AwaitingImageTag AwaitingImageTag, JsonElement Event)
{
    public const string Property = "awaitingImageTag";
}

/// <param name="WaitedSeconds">The pauses so far. The wait is counted in the pauses the state
/// machine was asked for, not read off a clock, so it is the same however fast the state machine runs.</param>
/// <param name="GivesUpAfterSeconds">Once the pauses add up to this, the AMI is ignored as no application's.</param>
public sealed record AwaitingImageTag(string ImageId, int WaitedSeconds, int CheckAgainInSeconds, int GivesUpAfterSeconds);
