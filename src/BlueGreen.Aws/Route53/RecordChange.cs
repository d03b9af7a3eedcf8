namespace BlueGreen.Aws.Route53;

public sealed record RecordChange(RecordChangeAction Action, RecordSet Record);
