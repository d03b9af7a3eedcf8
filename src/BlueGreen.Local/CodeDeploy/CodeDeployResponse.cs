namespace BlueGreen.Local.CodeDeploy;

/// <summary>What the gateway writes back: a status code and a JSON 1.1 body.</summary>
public sealed record CodeDeployResponse(int StatusCode, string Body)
{
    public const string ContentType = "application/x-amz-json-1.1";
}
