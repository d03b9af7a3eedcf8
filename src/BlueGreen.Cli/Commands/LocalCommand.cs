using System.CommandLine;
using System.Runtime.InteropServices;
using BlueGreen.Local;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen local up</c>: the local cloud, kept running until Ctrl-C.</summary>
internal static class LocalCommand
{
    public static Command Create(TextWriter output)
    {
        var port = new Option<int>("--port")
        {
            Description = "Loopback port of the gateway (0 picks a free one).",
            DefaultValueFactory = _ => LocalCloudOptions.DefaultPort,
        };
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "Multiplies Wait states and retry backoffs of the state machine (1 = real time).",
            DefaultValueFactory = _ => 1.0,
        };
        var sample = new Option<string?>("--sample")
        {
            Description = "Also seed a sample application of this name (ALB, blue group serving, settings), ready for an AMI tagged bluegreen:application=<name>.",
        };
        sample.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } name && !Core.Requests.ApplicationName.IsValid(name))
            {
                result.AddError($"--sample {name}: use 1 to 32 lowercase letters, digits and hyphens, starting with a letter.");
            }
        });
        var up = new Command("up", "Start moto behind the gateway, deploy the stack from serverless.template, print the settings to use, run until Ctrl-C.")
        {
            port,
            timeScale,
            sample,
        };
        up.SetAction((result, cancellation) => UpAsync(output, result.GetValue(port), result.GetValue(timeScale), result.GetValue(sample), cancellation));
        return new Command("local", "The local cloud: moto plus our gateway, on one port.") { up };
    }

    private static async Task<int> UpAsync(TextWriter output, int port, double timeScale, string? sampleApplication, CancellationToken cancellation)
    {
        // Ctrl-C (SIGINT) and SIGTERM end the wait below, so disposal stops moto as well.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            Port = port,
            TimeScale = timeScale,
            FunctionLog = output,
        }, cancellation);
        var endpoint = cloud.Endpoint.ToString().TrimEnd('/');
        if (sampleApplication is not null)
        {
            var seeded = await cloud.SeedSampleAsync(new Local.Sample.SampleOptions { Application = sampleApplication }, cancellation);
            await output.WriteLineAsync($"""
                Sample application {seeded.Application}: blue group {seeded.BlueGroup} on {seeded.OldImageId} serving behind {seeded.LoadBalancerArn},
                  settings in SSM {seeded.SettingsParameter}. An AMI tagged bluegreen:application={seeded.Application} deploys it
                  (the template's EventBridge rule starts the state machine; the tag may come after the AMI is available).
                """);
        }

        await output.WriteLineAsync($"""
            BlueGreen local cloud is up at {endpoint} (moto behind the gateway).
              state machines: {string.Join(", ", cloud.Stack.StateMachineArns.Values)}
              tables:         {string.Join(", ", cloud.Stack.TableNames)}
            Use it from another shell with the AWS CLI, boto3 or the .NET SDK:
              export AWS_ENDPOINT_URL={endpoint}
              export AWS_ACCESS_KEY_ID={LocalCredentials.AccessKeyId} AWS_SECRET_ACCESS_KEY={LocalCredentials.SecretAccessKey} AWS_REGION={cloud.Options.Region} AWS_DEFAULT_REGION={cloud.Options.Region}
            Faults and call counts: {endpoint}/_bluegreen (docs/local-cloud.md). Ctrl-C stops it.
            """);
        await output.FlushAsync(cancellation);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping the local cloud.");
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
