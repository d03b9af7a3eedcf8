using System.Text.Json.Nodes;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Tests.Errors;

public sealed class DeploymentErrorsTests
{
    [Fact]
    public void Names_AreTheAslErrorNamesOfTheDesign() =>
        Assert.Equal(
            ["InvalidRequest", "ImageNotAllowed", "DeploymentLocked", "LiveGroupNotFound", "GreenLaunchFailed", "CodeDeployFailed",
             "GreenUnhealthy", "AlarmFired", "ApprovalRejected", "ApprovalTimedOut", "RollbackFailed", "Transient",
             "UnexpectedError"],
            DeploymentErrors.Names);

    [Fact]
    public void Types_EveryDomainErrorInTheAssembly_IsListedAndSealed()
    {
        var inAssembly = typeof(DeploymentError).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DeploymentError)))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

        Assert.Equal(DeploymentErrors.Types.OrderBy(t => t.Name, StringComparer.Ordinal), inAssembly);
        Assert.All(DeploymentErrors.Types, t => Assert.True(t.IsSealed));
    }

    [Fact]
    public void ErrorName_IsTheTypeName()
    {
        DeploymentError error = new DeploymentLocked("held by arn:aws:states:...:execution:BlueGreenDeployment:run-1", new JsonObject { ["holder"] = "run-1" });

        Assert.Equal("DeploymentLocked", error.ErrorName);
        Assert.Equal("run-1", error.Details!["holder"]!.GetValue<string>());
    }

    [Fact]
    public void InvalidRequest_SeveralProblems_MessageNumbersEveryOne()
    {
        var error = new InvalidRequest([new Problem("$.a", "is required", "add a"), new Problem("$.b", "is wrong", "fix b")]);

        Assert.Equal("The request has 2 problems:\n1. $.a: is required. Fix: add a.\n2. $.b: is wrong. Fix: fix b.", error.Message);
    }

    [Fact]
    public void InvalidRequest_Details_ListProblemsAsJson()
    {
        var error = new InvalidRequest("$.imageId", "is not an AMI id", "use ami-...");

        Assert.Equal("""{"problems":[{"path":"$.imageId","message":"is not an AMI id","fix":"use ami-..."}]}""", error.Details!.ToJsonString());
    }

    [Fact]
    public void InvalidRequest_NoProblems_Throws() =>
        Assert.Throws<ArgumentException>(() => new InvalidRequest([]));

    [Fact]
    public void UnexpectedError_FromAnException_NamesTypeStepAndMessageNothingElse()
    {
        var error = UnexpectedError.From(new InvalidOperationException("blue has no instances"), "RollBack");

        Assert.Equal("UnexpectedError", error.ErrorName);
        Assert.Equal("Unexpected InvalidOperationException in RollBack: blue has no instances", error.Message);
        Assert.Equal("""{"type":"InvalidOperationException","message":"blue has no instances"}""", error.Details!.ToJsonString());
    }

    [Theory]
    [InlineData("Unexpected JsonException in ShiftTraffic: bad: token", "JsonException", "bad: token")]
    [InlineData("Unexpected Lambda.ServiceException: 500\nthen more", "Lambda.ServiceException", "500\nthen more")]
    public void UnexpectedError_DetailsFromMessage_ReadsTypeAndMessageBack(string message, string type, string original)
    {
        var details = UnexpectedError.DetailsFromMessage(message);

        Assert.Equal(type, details!["type"]!.GetValue<string>());
        Assert.Equal(original, details["message"]!.GetValue<string>());
    }

    [Fact]
    public void UnexpectedError_DetailsFromMessage_OtherText_Null() =>
        Assert.Null(UnexpectedError.DetailsFromMessage("green unhealthy"));
}
