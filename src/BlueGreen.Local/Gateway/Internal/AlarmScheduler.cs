using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Errors;
using BlueGreen.Local.Faults;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>Fires CloudWatch alarms (moto SetAlarmState → ALARM) after a delay; a fault clear or
/// the gateway's disposal cancels the ones still pending.</summary>
internal sealed class AlarmScheduler(FaultRegistry faults, Func<ICloudWatch> moto) : IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly List<Task> _pending = [];

    public string? LastError { get; private set; }

    public void Schedule(string alarmName, TimeSpan delay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alarmName);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token, faults.ClearedToken);
        var task = Task.Run(async () =>
        {
            using (cancel)
            {
                try
                {
                    await Task.Delay(delay, cancel.Token);
                    await moto().SetAlarmStateAsync(alarmName, AlarmState.Alarm, "Threshold Crossed: alarm fired by the local cloud's fault injection", cancel.Token);
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception exception) when (exception is AwsServiceException or HttpRequestException or InvalidOperationException)
                {
                    // An unknown alarm, or moto gone: nothing to fire; the run will show no alarm.
                    LastError = exception.Message;
                }
            }
        });
        lock (_pending)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        Task[] pending;
        lock (_pending)
        {
            pending = [.. _pending];
        }

        await Task.WhenAll(pending);
        _disposed.Dispose();
    }
}
