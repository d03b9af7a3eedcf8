namespace BlueGreen.Aws.Parameters;

/// <summary>SSM Parameter Store, where application settings live (/bluegreen/applications/&lt;app&gt;).</summary>
public interface IParameterStore
{
    /// <summary>The value, decrypted if it is a SecureString; null when there is no such parameter.</summary>
    Task<string?> GetParameterAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every parameter directly under <paramref name="path"/> (not recursive), by full name,
    /// values decrypted; empty when there is none. Follows NextToken.</summary>
    Task<IReadOnlyDictionary<string, string>> GetParametersByPathAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Creates or overwrites a String parameter (SecureString when <paramref name="secure"/>).</summary>
    Task PutParameterAsync(string name, string value, bool secure = false, CancellationToken cancellationToken = default);
}
