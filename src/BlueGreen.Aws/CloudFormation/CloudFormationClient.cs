using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.CloudFormation;

/// <summary>CloudFormation over the Query protocol (2010-05-15).</summary>
internal sealed class CloudFormationClient(QueryProtocol query) : ICloudFormation
{
    public static readonly AwsService Service = new(
        "CloudFormation",
        "CLOUDFORMATION",
        "cloudformation",
        "cloudformation",
        new Dictionary<string, ErrorKind>(),
        Refine: error => error.Code == "ValidationError" && error.Message.Contains("does not exist", StringComparison.Ordinal) ? ErrorKind.NotFound : null);

    public const string Version = "2010-05-15";

    public async Task<StackDescription?> DescribeStackAsync(string stackName, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await query.SendAsync(new QueryRequest("DescribeStacks").Add("StackName", stackName), cancellationToken);
            var stack = result.List("Stacks").FirstOrDefault();
            return stack is null
                ? null
                : new StackDescription(
                    stack.Required("StackName"),
                    stack.Text("StackId"),
                    stack.Required("StackStatus"),
                    stack.List("Outputs")
                        .Where(o => o.Text("OutputKey") is not null)
                        .GroupBy(o => o.Text("OutputKey")!, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().Text("OutputValue") ?? "", StringComparer.Ordinal));
        }
        catch (AwsNotFoundException)
        {
            return null;
        }
    }
}
