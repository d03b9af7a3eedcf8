namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>deploymentInfo.errorInformation.</summary>
internal sealed record ErrorInformation(string Code, string Message)
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "AGENT_ISSUE", "ALARM_ACTIVE", "APPLICATION_MISSING", "AUTOSCALING_VALIDATION_ERROR",
        "AUTO_SCALING_CONFIGURATION", "AUTO_SCALING_IAM_ROLE_PERMISSIONS", "CODEDEPLOY_RESOURCE_CANNOT_BE_FOUND",
        "CUSTOMER_APPLICATION_UNHEALTHY", "DEPLOYMENT_GROUP_MISSING", "ECS_UPDATE_ERROR", "ELASTIC_LOAD_BALANCING_INVALID",
        "ELB_INVALID_INSTANCE", "HEALTH_CONSTRAINTS", "HEALTH_CONSTRAINTS_INVALID", "HOOK_EXECUTION_FAILURE",
        "IAM_ROLE_MISSING", "IAM_ROLE_PERMISSIONS", "INTERNAL_ERROR", "INVALID_ECS_SERVICE", "INVALID_LAMBDA_CONFIGURATION",
        "INVALID_LAMBDA_FUNCTION", "INVALID_REVISION", "MANUAL_STOP", "MISSING_BLUE_GREEN_DEPLOYMENT_CONFIGURATION",
        "MISSING_ELB_INFORMATION", "MISSING_GITHUB_TOKEN", "NO_EC2_SUBSCRIPTION", "NO_INSTANCES", "OVER_MAX_INSTANCES",
        "RESOURCE_LIMIT_EXCEEDED", "REVISION_MISSING", "THROTTLED", "TIMEOUT", "CLOUDFORMATION_STACK_FAILURE",
    };

    public static ErrorInformation HealthConstraints(string? message = null) => new(
        "HEALTH_CONSTRAINTS",
        message ?? "The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.");

    public static ErrorInformation NoInstances() => new(
        "NO_INSTANCES",
        "The deployment failed because no instances were found for your deployment group. Check your deployment group settings to make sure the tags for your EC2 instances or Auto Scaling groups correctly identify the instances you want to deploy to, and then try again.");

    public static ErrorInformation ManualStop() => new("MANUAL_STOP", "The deployment was stopped by a user.");

    /// <summary>A requested failure: a known error code names itself, anything else is a health message.</summary>
    public static ErrorInformation Requested(string reason)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length == 0)
        {
            return HealthConstraints();
        }

        return Codes.Contains(trimmed)
            ? trimmed == "HEALTH_CONSTRAINTS" ? HealthConstraints() : new(trimmed, $"The deployment failed ({trimmed}), as requested by the local cloud's fault injection.")
            : HealthConstraints(trimmed);
    }
}
