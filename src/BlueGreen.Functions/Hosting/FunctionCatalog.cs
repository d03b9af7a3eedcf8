using BlueGreen.Functions.Handlers;

namespace BlueGreen.Functions.Hosting;

/// <summary>Every handler by its template logical id (<c>&lt;State&gt;Function</c>), for the local cloud.</summary>
public sealed class FunctionCatalog : IFunctionCatalog
{
    private readonly Dictionary<string, FunctionHandler> _handlers;

    private FunctionCatalog(FunctionServices services)
    {
        _handlers = new Dictionary<string, FunctionHandler>(StringComparer.Ordinal)
        {
            [nameof(NormalizeRequest) + "Function"] = new NormalizeRequest(services).InvokeAsync,
            [nameof(AcquireLock) + "Function"] = new AcquireLock(services).InvokeAsync,
            [nameof(DescribeLive) + "Function"] = new DescribeLive(services).InvokeAsync,
            [nameof(PlanDeployment) + "Function"] = new PlanDeployment(services).InvokeAsync,
            [nameof(ProvisionGreen) + "Function"] = new ProvisionGreen(services).InvokeAsync,
            [nameof(CheckGreenInService) + "Function"] = new CheckGreenInService(services).InvokeAsync,
            [nameof(DeployRevision) + "Function"] = new DeployRevision(services).InvokeAsync,
            [nameof(CheckCodeDeploy) + "Function"] = new CheckCodeDeploy(services).InvokeAsync,
            [nameof(CheckGreenHealth) + "Function"] = new CheckGreenHealth(services).InvokeAsync,
            [nameof(AwaitApproval) + "Function"] = new AwaitApproval(services).InvokeAsync,
            [nameof(ShiftTraffic) + "Function"] = new ShiftTraffic(services).InvokeAsync,
            [nameof(PromoteGreen) + "Function"] = new PromoteGreen(services).InvokeAsync,
            [nameof(WatchBeforeRetiringBlue) + "Function"] = new WatchBeforeRetiringBlue(services).InvokeAsync,
            [nameof(RetireBlue) + "Function"] = new RetireBlue(services).InvokeAsync,
            [nameof(ReleaseLock) + "Function"] = new ReleaseLock(services).InvokeAsync,
            [nameof(RollBack) + "Function"] = new RollBack(services).InvokeAsync,
            [nameof(DescribeRollbackFailure) + "Function"] = new DescribeRollbackFailure(services).InvokeAsync,
            [nameof(ExplainFailure) + "Function"] = new ExplainFailure(services).InvokeAsync,
            [nameof(RecoverStoppedDeployment) + "Function"] = new RecoverStoppedDeployment(services).InvokeAsync,
        };
    }

    public IReadOnlyCollection<string> Names => _handlers.Keys;

    public static FunctionCatalog Create(FunctionServices services) => new(services);

    public FunctionHandler? Find(string logicalId) => _handlers.GetValueOrDefault(logicalId);
}
