using System.Diagnostics;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>Where a package of the <c>python3</c> on PATH lives: botocore and samtranslator (cfn-lint's
/// dependency) ship the AWS models and SAM policy templates the definition checks read.</summary>
internal static class PythonPackage
{
    public static string Directory(string package)
    {
        var start = new ProcessStartInfo("python3", ["-c", $"import {package}, os; print(os.path.dirname({package}.__file__))"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();

        return python.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"python3 cannot import {package} (pip install cfn-lint brings botocore and samtranslator): {error}");
    }
}
