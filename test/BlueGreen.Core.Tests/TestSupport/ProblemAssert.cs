using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Tests.TestSupport;

internal static class ProblemAssert
{
    /// <summary>Asserts the action throws InvalidRequest with a problem at <paramref name="path"/> whose text contains <paramref name="text"/>.</summary>
    public static InvalidRequest Throws(Action action, string path, string text)
    {
        var error = Assert.Throws<InvalidRequest>(action);
        Assert.Contains(error.Problems, p => p.Path == path && (p.Message.Contains(text, StringComparison.Ordinal) || p.Fix.Contains(text, StringComparison.Ordinal)));
        return error;
    }
}
