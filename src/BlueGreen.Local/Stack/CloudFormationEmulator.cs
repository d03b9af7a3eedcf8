using System.Security;
using System.Text;
using BlueGreen.Local.Gateway;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.Stack;

/// <summary>
/// CloudFormation's DescribeStacks for the one stack the local cloud deployed from the template, so
/// <c>bluegreen … --stack &lt;name&gt;</c> finds its state machine and lock table as it does in AWS.
/// Its outputs are the template's Outputs section evaluated by <see cref="TemplateResolver"/>. Any
/// other stack does not exist: <c>ValidationError</c> "Stack with id X does not exist", as AWS says.
/// </summary>
public sealed class CloudFormationEmulator : IServiceEmulator
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private readonly string _region;
    private readonly string _accountId;
    private readonly DateTimeOffset _created;

    public CloudFormationEmulator(string region, string accountId, TimeProvider time)
    {
        _region = region;
        _accountId = accountId;
        _created = time.GetUtcNow();
    }

    /// <summary>The deployed stack; null until the local cloud deployed it (every name is unknown then).</summary>
    public DeployedStack? Stack { get; set; }

    public bool Owns(string service, string operation) => service == "cloudformation" && operation == "DescribeStacks";

    public Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body));
        var name = form.TryGetValue("StackName", out var value) && value.Count > 0 ? value[0] : null;
        var stack = Stack;
        var stackId = stack?.StackName is { } deployed ? StackId(deployed) : null;
        if (stack?.StackName is null || (name is not null && name != stack.StackName && name != stackId))
        {
            return Task.FromResult(Error($"Stack with id {name} does not exist"));
        }

        var outputs = string.Concat(stack.Outputs.Select(o =>
            $"<member><OutputKey>{Escape(o.Key)}</OutputKey><OutputValue>{Escape(o.Value)}</OutputValue></member>"));
        var xml = $"""
            <DescribeStacksResponse xmlns="{Namespace}">
              <DescribeStacksResult>
                <Stacks>
                  <member>
                    <StackName>{Escape(stack.StackName)}</StackName>
                    <StackId>{Escape(stackId!)}</StackId>
                    <CreationTime>{_created.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}</CreationTime>
                    <StackStatus>CREATE_COMPLETE</StackStatus>
                    <Outputs>{outputs}</Outputs>
                  </member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </DescribeStacksResponse>
            """;
        return Task.FromResult(new EmulatorResponse(200, "text/xml", Encoding.UTF8.GetBytes(xml)));
    }

    private string StackId(string stackName) =>
        $"arn:aws:cloudformation:{_region}:{_accountId}:stack/{stackName}/00000000-0000-0000-0000-000000000000";

    private static EmulatorResponse Error(string message)
    {
        var xml = $"""
            <ErrorResponse xmlns="{Namespace}">
              <Error><Type>Sender</Type><Code>ValidationError</Code><Message>{Escape(message)}</Message></Error>
              <RequestId>{Guid.NewGuid()}</RequestId>
            </ErrorResponse>
            """;
        return new EmulatorResponse(400, "text/xml", Encoding.UTF8.GetBytes(xml));
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
