namespace BlueGreen.Functions.Contracts;

/// <summary>
/// Where the weighted or dns strategy moves traffic, as DescribeLive found it before any write:
/// blue serves through <see cref="LiveTargetGroupArn"/> (weight above 0), green goes into
/// <see cref="IdleTargetGroupArn"/> (weight 0). For dns the two set identifiers name the records
/// of the same halves. Fixed for the whole deployment, so the shift and the rollback never confuse
/// the halves once weights move.
/// </summary>
public sealed record TrafficPath(
    string LiveTargetGroupArn,
    string IdleTargetGroupArn,
    string? LiveSetIdentifier = null,
    string? IdleSetIdentifier = null);
