using System.Collections;
using System.Globalization;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace BlueGreen.Aws;

/// <summary>
/// Where and as whom the clients talk to AWS. Read once per process from the standard AWS
/// settings, so the same code runs in Lambda, in CI and against the local cloud.
/// </summary>
public sealed record AwsSettings
{
    public required RegionEndpoint Region { get; init; }

    public required AWSCredentials Credentials { get; init; }

    /// <summary>AWS_ENDPOINT_URL: one endpoint for every service (the local cloud).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>AWS_ENDPOINT_URL_&lt;SERVICE&gt; values keyed by the suffix (e.g. "AUTO_SCALING");
    /// they win over <see cref="Endpoint"/>.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceEndpoints { get; init; } = new Dictionary<string, Uri>();

    public RetryOptions Retry { get; init; } = new();

    /// <summary>Clock for retry delays; tests pass one that does not really wait.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reads the process environment; region and credentials not set there come from
    /// the SDK's default chains (profile, container and instance metadata).</summary>
    public static AwsSettings FromEnvironment() =>
        FromVariables(
            EnvironmentVariables(),
            () => FallbackRegionFactory.GetRegionEndpoint() ?? throw new InvalidOperationException("No AWS region configured: set AWS_REGION."),
            () => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));

    /// <summary>A copy of the process environment, in the shape <see cref="FromVariables"/> reads;
    /// callers may change it first (the CLI's <c>--region</c> and <c>--profile</c>).</summary>
    public static Dictionary<string, string?> EnvironmentVariables()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }

    /// <summary>Reads the standard variables from <paramref name="variables"/>; the fallbacks are
    /// called only when region or keys are missing there.</summary>
    public static AwsSettings FromVariables(
        IReadOnlyDictionary<string, string?> variables,
        Func<RegionEndpoint> defaultRegion,
        Func<AWSCredentials> defaultCredentials)
    {
        string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var regionName = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION");
        var accessKey = Get("AWS_ACCESS_KEY_ID");
        var secretKey = Get("AWS_SECRET_ACCESS_KEY");
        var sessionToken = Get("AWS_SESSION_TOKEN");
        AWSCredentials credentials = (accessKey, secretKey, sessionToken) switch
        {
            (not null, not null, not null) => new SessionAWSCredentials(accessKey, secretKey, sessionToken),
            (not null, not null, null) => new BasicAWSCredentials(accessKey, secretKey),
            _ => defaultCredentials(),
        };

        var ignoreEndpoints = string.Equals(Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        const string prefix = "AWS_ENDPOINT_URL_";
        var serviceEndpoints = ignoreEndpoints
            ? new Dictionary<string, Uri>()
            : variables
                .Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && Get(v.Key) is not null)
                .ToDictionary(v => v.Key[prefix.Length..], v => new Uri(Get(v.Key)!));

        var retry = new RetryOptions();
        if (Get("AWS_MAX_ATTEMPTS") is { } maxAttempts)
        {
            retry = retry with { MaxAttempts = int.Parse(maxAttempts, CultureInfo.InvariantCulture) };
        }

        return new AwsSettings
        {
            Region = regionName is null ? defaultRegion() : RegionEndpoint.GetBySystemName(regionName),
            Credentials = credentials,
            Endpoint = ignoreEndpoints || Get("AWS_ENDPOINT_URL") is not { } endpoint ? null : new Uri(endpoint),
            ServiceEndpoints = serviceEndpoints,
            Retry = retry,
        };
    }
}
