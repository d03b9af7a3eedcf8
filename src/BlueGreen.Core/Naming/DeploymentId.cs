using System.Security.Cryptography;
using System.Text;

namespace BlueGreen.Core.Naming;

/// <summary>
/// The deployment id: 12 characters of lowercase base32 of the SHA-256 of the Step Functions
/// execution name. Stable (a retried state derives the same id and finds what it made), short,
/// and safe in ASG, launch template and tag names whatever the execution name contains
/// (UUIDs from EventBridge, free text from the console).
/// </summary>
public static class DeploymentId
{
    public const int Length = 12;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <param name="execution">An execution name, or a full execution ARN (the name is taken from it).</param>
    public static string FromExecution(string execution)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(execution);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ExecutionName(execution)));
        var id = new StringBuilder(Length);
        ulong bits = BitConverter.ToUInt64(hash, 0);
        for (var i = 0; i < Length; i++)
        {
            id.Append(Alphabet[(int)(bits & 31)]);
            bits >>= 5;
        }

        return id.ToString();
    }

    public static bool IsValid(string? id) => id is { Length: Length } && id.All(Alphabet.Contains);

    /// <summary><c>arn:aws:states:region:account:execution:machine:name</c> → <c>name</c>.</summary>
    public static string ExecutionName(string execution)
    {
        const string marker = ":execution:";
        var at = execution.IndexOf(marker, StringComparison.Ordinal);
        if (!execution.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return execution;
        }

        var rest = execution[(at + marker.Length)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? rest : rest[(colon + 1)..];
    }
}
