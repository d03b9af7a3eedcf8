namespace BlueGreen.Aws.Route53;

public enum RecordChangeAction
{
    Create,
    Upsert,
    Delete,
}
