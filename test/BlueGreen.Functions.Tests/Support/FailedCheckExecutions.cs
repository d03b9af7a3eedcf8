using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>A real execution whose history is a deployment's as RollBack reads it: a check (a Lambda
/// task) failed, its Catch entered RollBack, and it waits there.</summary>
public static class FailedCheckExecutions
{
    private const string Role = "arn:aws:iam::123456789012:role/bluegreen-tests";

    private const string Definition = """
        { "StartAt": "CheckGreenHealth",
          "States": {
            "CheckGreenHealth": {
              "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:bluegreen-tests-no-such-function",
              "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "RollBack" } ], "End": true },
            "RollBack": { "Type": "Wait", "Seconds": 99999999, "End": true } } }
        """;

    public static async Task<string> StartAsync(FunctionsCloud cloud)
    {
        var machine = await cloud.Aws.StepFunctions.CreateStateMachineAsync(new NewStateMachine($"failedcheck-{Guid.NewGuid():N}"[..40], Definition, Role));
        var arn = await cloud.Aws.StepFunctions.StartExecutionAsync(machine, "failed-" + Guid.NewGuid().ToString("N")[..12], "{}");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!(await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(arn)).Any(e => e.Type == "WaitStateEntered"))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("The failed-check execution did not reach RollBack within 30 s.");
            }

            await Task.Delay(100);
        }

        return arn;
    }
}
