using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.Parameters;

/// <summary>SSM through the official AWSSDK.SimpleSystemsManagement client.</summary>
internal sealed class ParameterStoreClient(IAmazonSimpleSystemsManagement ssm) : IParameterStore
{
    public static readonly AwsService Service = new(
        "SSM",
        "SSM",
        "ssm",
        "ssm",
        new Dictionary<string, ErrorKind>
        {
            ["ParameterNotFound"] = ErrorKind.NotFound,
            ["ParameterAlreadyExists"] = ErrorKind.AlreadyExists,
        });

    public async Task<string?> GetParameterAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await SdkCalls.RunAsync(Service, "GetParameter", () =>
                ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }, cancellationToken));
            return response.Parameter.Value;
        }
        catch (Errors.AwsNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetParametersByPathAsync(string path, CancellationToken cancellationToken = default)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var response = await SdkCalls.RunAsync(Service, "GetParametersByPath", () =>
                ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = path, Recursive = false, WithDecryption = true, NextToken = nextToken }, cancellationToken));
            foreach (var parameter in response.Parameters ?? [])
            {
                parameters[parameter.Name] = parameter.Value;
            }

            nextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return parameters;
    }

    public Task PutParameterAsync(string name, string value, bool secure = false, CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync(Service, "PutParameter", () =>
            ssm.PutParameterAsync(
                new PutParameterRequest
                {
                    Name = name,
                    Value = value,
                    Type = secure ? ParameterType.SecureString : ParameterType.String,
                    Overwrite = true,
                },
                cancellationToken));
}
