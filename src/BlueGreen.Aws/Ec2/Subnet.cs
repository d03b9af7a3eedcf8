namespace BlueGreen.Aws.Ec2;

public sealed record Subnet(string Id, string VpcId, string AvailabilityZone);
