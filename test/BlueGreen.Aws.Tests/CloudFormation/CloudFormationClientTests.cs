using BlueGreen.Aws.CloudFormation;
using BlueGreen.Aws.Tests.Support;
using BlueGreen.Local.Gateway;
using BlueGreen.Local.Stack;

namespace BlueGreen.Aws.Tests.CloudFormation;

/// <summary>DescribeStacks against the local gateway's CloudFormation emulator (the local cloud's
/// deployed stack), in strict wire mode: the request must fit botocore's model.</summary>
[Collection(MotoCollection.Name)]
public sealed class CloudFormationClientTests(MotoFixture moto) : IAsyncLifetime
{
    private LocalGateway _gateway = null!;
    private AwsClients _clients = null!;

    private ICloudFormation CloudFormation => _clients.CloudFormation;

    public async Task InitializeAsync()
    {
        var emulator = new CloudFormationEmulator("us-east-1", "123456789012", TimeProvider.System)
        {
            Stack = new DeployedStack("serverless.template", new Dictionary<string, string>(), ["shop-locks"])
            {
                StackName = "shop-stack",
                Outputs = new Dictionary<string, string>
                {
                    ["StateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:shop-stack-BlueGreenDeployment",
                    ["LockTableName"] = "shop-stack-locks",
                },
            },
        };
        _gateway = await LocalGateway.StartAsync(new LocalGatewayOptions { Port = 0, Emulators = [emulator], StrictWire = true });
        _gateway.Upstream = moto.Endpoint;
        _clients = new AwsClients(MotoFixture.Settings(_gateway.Endpoint), new WireChecks.Stamp());
    }

    [Fact]
    public async Task DescribeStack_DeployedStack_ReturnsStatusAndOutputs()
    {
        // Act
        var stack = await CloudFormation.DescribeStackAsync("shop-stack");

        // Assert
        Assert.NotNull(stack);
        Assert.Equal(("shop-stack", "CREATE_COMPLETE"), (stack.StackName, stack.Status));
        Assert.StartsWith("arn:aws:cloudformation:us-east-1:123456789012:stack/shop-stack/", stack.StackId);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:shop-stack-BlueGreenDeployment", stack.Outputs["StateMachineArn"]);
        Assert.Equal("shop-stack-locks", stack.Outputs["LockTableName"]);
        var wire = _gateway.Wire.Snapshot();
        Assert.Empty(wire.Violations);
        Assert.True(!wire.Enabled || wire.Operations.Any(o => o.Contains("DescribeStacks", StringComparison.Ordinal)), "the request was not checked against botocore's model");
    }

    [Fact]
    public async Task DescribeStack_ByStackId_ReturnsTheSameStack()
    {
        var byName = await CloudFormation.DescribeStackAsync("shop-stack");

        var byId = await CloudFormation.DescribeStackAsync(byName!.StackId!);

        Assert.Equal(byName.StackName, byId?.StackName);
    }

    [Fact]
    public async Task DescribeStack_StackThatDoesNotExist_ReturnsNull()
    {
        // CloudFormation answers ValidationError "Stack with id no-such-stack does not exist".
        Assert.Null(await CloudFormation.DescribeStackAsync("no-such-stack"));
    }

    public async Task DisposeAsync()
    {
        _clients.Dispose();
        await _gateway.DisposeAsync();
    }
}
