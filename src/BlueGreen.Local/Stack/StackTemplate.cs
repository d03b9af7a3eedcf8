namespace BlueGreen.Local.Stack;

/// <summary>
/// Where the local cloud finds serverless.template (given, the checkout above the current
/// directory, or the copy the installed tool carries), the stack name `sam deploy` would give it,
/// and the environment the template gives every function.
/// </summary>
internal static class StackTemplate
{
    /// <summary>The template to deploy, as the options name it or as found.</summary>
    public static string Locate(LocalCloudOptions options)
    {
        if (options.TemplatePath is not null)
        {
            var given = Path.GetFullPath(options.TemplatePath);
            return File.Exists(given) ? given : throw new StackDeploymentFailed($"template not found: {given}");
        }

        var root = options.RepositoryRoot ?? FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? Bundled()
            ?? throw new StackDeploymentFailed($"no repository root given, no BlueGreenFunctions.sln above {Directory.GetCurrentDirectory()} and no {LocalCloudOptions.BundledStackFolder}/{LocalCloudOptions.TemplateFileName} beside {AppContext.BaseDirectory}");
        var path = Path.GetFullPath(Path.Combine(root, LocalCloudOptions.TemplateFileName));
        return File.Exists(path) ? path : throw new StackDeploymentFailed($"template not found: {path}");
    }

    /// <summary>The template's Globals.Function environment, resolved as CloudFormation would.</summary>
    public static IReadOnlyDictionary<string, string> FunctionEnvironment(string? templatePath, string? stackName, string region)
    {
        if (templatePath is null)
        {
            return new Dictionary<string, string>();
        }

        var template = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(templatePath))!.AsObject();
        var resolver = new TemplateResolver(template, region, LocalCloudOptions.AccountId, stackName!);
        var variables = template["Globals"]?["Function"]?["Environment"]?["Variables"]?.AsObject() ?? [];
        return variables.ToDictionary(v => v.Key, v => resolver.Resolve(v.Value));
    }

    /// <summary>The stack name `sam deploy` would use (samconfig.toml beside the template), so names match the cloud's.</summary>
    public static string DefaultStackName(string templatePath) =>
        SamConfig.StackNameIn(Path.GetDirectoryName(templatePath)!) is { Length: > 0 } stackName ? stackName : "bluegreen";

    /// <summary>The stack the installed tool carries (<see cref="LocalCloudOptions.BundledStackFolder"/>
    /// beside the assembly), for runs outside a checkout; null when there is none.</summary>
    public static string? Bundled()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, LocalCloudOptions.BundledStackFolder);
        return File.Exists(Path.Combine(folder, LocalCloudOptions.TemplateFileName)) ? folder : null;
    }

    /// <summary>The checkout holding serverless.template: the nearest directory at or above
    /// <paramref name="start"/> with BlueGreenFunctions.sln; null when there is none.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlueGreenFunctions.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
