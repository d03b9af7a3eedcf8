namespace BlueGreen.Local.Tests.Moto;

/// <summary>elbv2-service-name: ASL's elasticloadbalancingv2 is boto3's elbv2.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class Elbv2ServiceNameWorkaroundTests(MotoPool pool)
{
    private const string Definition = """
        {"StartAt":"Describe","States":{"Describe":{"Type":"Task",
          "Resource":"arn:aws:states:::aws-sdk:elasticloadbalancingv2:describeLoadBalancers",
          "Parameters":{},"End":true}}}
        """;

    [Fact]
    public async Task AwsSdkElasticLoadBalancingV2_WithWorkaround_CallsElbv2()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(Definition), TimeSpan.FromSeconds(15));

        Assert.Equal("SUCCEEDED", ended["status"]!.GetValue<string>());
        Assert.Contains("LoadBalancers", ended["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsSdkElasticLoadBalancingV2_WithoutWorkaround_FailsUnknownService()
    {
        var sfn = await pool.WithoutAsync("elbv2-service-name");

        var ended = await sfn.WaitForEndAsync(await sfn.RunAsync(Definition), TimeSpan.FromSeconds(15));

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Contains("Unknown service: 'elasticloadbalancingv2'", ended["cause"]!.GetValue<string>());
    }
}
