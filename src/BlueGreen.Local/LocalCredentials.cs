namespace BlueGreen.Local;

/// <summary>The keys the local cloud hands out: moto accepts any, these are what `local up` prints.</summary>
public static class LocalCredentials
{
    public const string AccessKeyId = "test";
    public const string SecretAccessKey = "test";
}
