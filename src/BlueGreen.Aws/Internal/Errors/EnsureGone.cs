using BlueGreen.Aws.Errors;

namespace BlueGreen.Aws.Internal.Errors;

/// <summary>
/// For the port methods whose contract is "ensure it is gone" (delete, detach, deregister,
/// terminate): a resource the service no longer knows is the outcome the caller asked for, e.g. on
/// a retry whose first attempt took effect but lost its answer.
/// </summary>
internal static class EnsureGone
{
    public static async Task RunAsync(Func<Task> removal)
    {
        try
        {
            await removal();
        }
        catch (AwsNotFoundException)
        {
            // Already gone: done.
        }
    }
}
