using System.Security.Cryptography;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>Ids shaped like CodeDeploy's: d- and nine upper-case letters or digits.</summary>
internal static class DeploymentIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New() => "d-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 9));
}
