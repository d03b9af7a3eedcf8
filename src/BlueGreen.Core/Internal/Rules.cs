using System.Text.RegularExpressions;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Shapes of identifiers, shared by request and settings validation, each with the fix text a
/// user sees. ARN patterns accept any partition (aws, aws-cn, aws-us-gov) and the ids moto makes.
/// </summary>
internal static partial class Rules
{
    public const string ApplicationFix =
        "use 1 to 32 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (e.g. \"shop\")";

    public const string ImageIdFix = "use an AMI id: \"ami-\" followed by 8 to 17 lowercase hexadecimal digits (e.g. \"ami-0abc1234def567890\")";

    public const string TargetGroupArnFix =
        "use an ALB target group ARN: arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>";

    public const string ListenerArnFix =
        "use an ALB listener ARN: arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb-name>/<lb-id>/<listener-id>";

    public const string RuleArnFix =
        "use an ALB listener rule ARN: arn:aws:elasticloadbalancing:<region>:<account>:listener-rule/app/<lb-name>/<lb-id>/<listener-id>/<rule-id>, or null to use the listener's default action";

    public const string LoadBalancerArnFix =
        "use an ALB ARN: arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>";

    public const string TopicArnFix = "use an SNS topic ARN: arn:aws:sns:<region>:<account>:<topic>, or null";

    [GeneratedRegex(Requests.ApplicationName.Pattern)]
    public static partial Regex Application();

    [GeneratedRegex(Requests.ImageId.Pattern)]
    public static partial Regex ImageId();

    [GeneratedRegex("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/[A-Za-z0-9-]{1,32}/[A-Za-z0-9]+$")]
    public static partial Regex TargetGroupArn();

    [GeneratedRegex("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/[A-Za-z0-9-]{1,32}/[A-Za-z0-9]+/[A-Za-z0-9]+$")]
    public static partial Regex ListenerArn();

    [GeneratedRegex("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener-rule/app/[A-Za-z0-9-]{1,32}/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]+$")]
    public static partial Regex RuleArn();

    [GeneratedRegex("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:loadbalancer/app/[A-Za-z0-9-]{1,32}/[A-Za-z0-9]+$")]
    public static partial Regex LoadBalancerArn();

    [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$")]
    public static partial Regex TopicArn();

    [GeneratedRegex("^arn:aws[a-z-]*:imagebuilder:[a-z0-9-]+:[0-9]{12}:image/[A-Za-z0-9_-]+/[0-9]+\\.[0-9]+\\.[0-9]+(/[0-9]+)?$")]
    public static partial Regex ImageBuilderImageArn();

    [GeneratedRegex("^(?:/hostedzone/)?[A-Z0-9]{1,32}$")]
    public static partial Regex HostedZoneId();

    // A DNS name: labels of 1–63 letters, digits, hyphens or '*'/'_', dots between, optional final dot.
    [GeneratedRegex("^(?=.{1,254}$)(?:[A-Za-z0-9_*](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?$")]
    public static partial Regex DnsName();

    [GeneratedRegex("^(?:self|amazon|aws-marketplace|[0-9]{12})$")]
    public static partial Regex ImageOwner();

    // S3 bucket names: 3–63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric.
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    public static partial Regex Bucket();

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    public static partial Regex GitHubRepository();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    public static partial Regex CommitId();

    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);
}
