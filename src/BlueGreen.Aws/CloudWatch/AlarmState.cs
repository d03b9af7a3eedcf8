namespace BlueGreen.Aws.CloudWatch;

public enum AlarmState
{
    Ok,
    Alarm,
    InsufficientData,
}
