using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.SimpleSystemsManagement;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.CloudFormation;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.DynamoDb;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Events;
using BlueGreen.Aws.ImageBuilder;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Notifications;
using BlueGreen.Aws.Parameters;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.StepFunctions;
using Polly;

namespace BlueGreen.Aws;

/// <summary>
/// Builds every AWS client from one <see cref="AwsSettings"/>, over one connection pool and one
/// SigV4 signer. Create it once per process (Lambda container, local cloud, CLI) and share it.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly AwsSettings _settings;
    private readonly HttpClient _signedHttp;
    private readonly HttpClient _sdkHttp;
    private readonly ResiliencePipeline _retry;
    private readonly AmazonEC2Client _ec2;
    private readonly AmazonSimpleSystemsManagementClient _ssm;
    private readonly Lazy<AmazonDynamoDBClient> _dynamoDb;

    /// <param name="interceptor">Optional handler placed between signing and the network, so
    /// tests can answer some requests themselves (throttling, faults) and pass the rest on.</param>
    public AwsClients(AwsSettings settings, DelegatingHandler? interceptor = null)
    {
        _settings = settings;
        HttpMessageHandler transport = new SocketsHttpHandler
        {
            // A redirect followed below the signer would arrive unsigned or with a stale signature.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (interceptor is not null)
        {
            interceptor.InnerHandler = transport;
            transport = interceptor;
        }

        // Signing service and region are set on every request by AwsChannel; these are defaults only.
        _signedHttp = new HttpClient(new SigV4SigningHandler(settings.Credentials, settings.Region, "unset", transport));
        // The official clients sign for themselves, so they share the transport below the signer.
        _sdkHttp = new HttpClient(transport, disposeHandler: false);
        _retry = RetryPipeline.Create(settings.Retry, settings.TimeProvider);

        AutoScaling = new AutoScalingClient(new QueryProtocol(Channel(AutoScalingClient.Service), AutoScalingClient.Version));
        LoadBalancing = new LoadBalancingClient(new QueryProtocol(Channel(LoadBalancingClient.Service), LoadBalancingClient.Version));
        CloudWatch = new CloudWatchClient(new QueryProtocol(Channel(CloudWatchClient.Service), CloudWatchClient.Version));
        CodeDeploy = new CodeDeployClient(new JsonProtocol(Channel(CodeDeployClient.Service), CodeDeployClient.TargetPrefix, CodeDeployClient.JsonVersion));
        StepFunctions = new StepFunctionsClient(new JsonProtocol(Channel(StepFunctionsClient.Service), StepFunctionsClient.TargetPrefix, StepFunctionsClient.JsonVersion));
        Route53 = new Route53Client(new RestXmlProtocol(Channel(Route53Client.Service)));
        Notifications = new NotificationsClient(new QueryProtocol(Channel(NotificationsClient.Service), NotificationsClient.Version));
        Events = new EventBusClient(new JsonProtocol(Channel(EventBusClient.Service), EventBusClient.TargetPrefix, EventBusClient.JsonVersion));
        ImageBuilder = new ImageBuilderClient(new RestJsonProtocol(Channel(ImageBuilderClient.Service)));
        CloudFormation = new CloudFormationClient(new QueryProtocol(Channel(CloudFormationClient.Service), CloudFormationClient.Version));

        _ec2 = new AmazonEC2Client(settings.Credentials, Configure(new AmazonEC2Config(), Ec2Client.Service));
        _ssm = new AmazonSimpleSystemsManagementClient(settings.Credentials, Configure(new AmazonSimpleSystemsManagementConfig(), ParameterStoreClient.Service));
        _dynamoDb = new(() => new AmazonDynamoDBClient(settings.Credentials, Configure(new AmazonDynamoDBConfig(), DynamoDbCalls.Service)));
        Ec2 = new Ec2Client(_ec2);
        Parameters = new ParameterStoreClient(_ssm);
    }

    public IAutoScaling AutoScaling { get; }

    public ILoadBalancing LoadBalancing { get; }

    public ICloudWatch CloudWatch { get; }

    public ICodeDeploy CodeDeploy { get; }

    public IStepFunctions StepFunctions { get; }

    public IRoute53 Route53 { get; }

    public INotifications Notifications { get; }

    public IEventBus Events { get; }

    public IImageBuilder ImageBuilder { get; }

    /// <summary>Stack outputs, for the CLI's <c>--stack</c>.</summary>
    public ICloudFormation CloudFormation { get; }

    public IEc2 Ec2 { get; }

    public string Region => _settings.Region.SystemName;

    public IParameterStore Parameters { get; }

    /// <summary>The official DynamoDB client, with the same endpoint, region, credentials, retry
    /// count and connection pool as the others (the deployment lock uses it).</summary>
    public IAmazonDynamoDB DynamoDb => _dynamoDb.Value;

    private AwsChannel Channel(AwsService service) =>
        new(_signedHttp, _retry, service, ServiceEndpoint.Resolve(service, _settings));

    /// <summary>Applies our endpoint rules and retry count to an official SDK client.</summary>
    private TConfig Configure<TConfig>(TConfig config, AwsService service)
        where TConfig : ClientConfig
    {
        var endpoint = ServiceEndpoint.Resolve(service, _settings);
        if (endpoint.IsConfigured)
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        else
        {
            config.RegionEndpoint = _settings.Region;
        }

        config.MaxErrorRetry = _settings.Retry.MaxAttempts - 1;
        config.HttpClientFactory = new SharedSdkHttpClientFactory(_sdkHttp);
        return config;
    }

    public void Dispose()
    {
        _ec2.Dispose();
        _ssm.Dispose();
        if (_dynamoDb.IsValueCreated)
        {
            _dynamoDb.Value.Dispose();
        }

        _sdkHttp.Dispose();
        _signedHttp.Dispose();
    }
}
