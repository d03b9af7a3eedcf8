namespace BlueGreen.Aws.AutoScaling;

public enum LifecycleActionResult
{
    Continue,
    Abandon,
}
