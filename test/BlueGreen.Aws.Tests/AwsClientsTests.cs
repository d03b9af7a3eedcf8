using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests;

[Collection(MotoCollection.Name)]
public sealed class AwsClientsTests(MotoFixture moto)
{
    [Fact]
    public async Task CloudWatch_ServiceEndpointSetAndGlobalEndpointUnreachable_UsesTheServiceEndpoint()
    {
        // Arrange
        var settings = MotoFixture.Settings(new Uri("http://127.0.0.1:9")) with
        {
            ServiceEndpoints = new Dictionary<string, Uri> { ["CLOUDWATCH"] = moto.Endpoint },
        };
        using var clients = new AwsClients(settings);

        // Act
        var alarms = await clients.CloudWatch.DescribeAlarmsAsync(["no-such-alarm"]);

        // Assert
        Assert.Empty(alarms);
    }

    [Fact]
    public async Task DynamoDb_FromTheFactory_ReachesTheConfiguredEndpoint()
    {
        // Arrange
        var table = Unique.Name("locks");

        // Act
        await moto.Clients.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("application", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("application", Amazon.DynamoDBv2.ScalarAttributeType.S)],
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        });
        var tables = await moto.Clients.DynamoDb.ListTablesAsync(new ListTablesRequest());

        // Assert
        Assert.Contains(table, tables.TableNames);
    }
}
