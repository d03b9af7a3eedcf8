using static BlueGreen.Local.Tests.Gateway.Internal.WireCheck.WireRequests;

namespace BlueGreen.Local.Tests.Gateway.Internal.WireCheck;

public sealed class QueryWireTests
{
    [Fact]
    public void Check_ListsNestedStructuresAndNumbers_Fit()
    {
        var verdict = Query("autoscaling",
            "Action=CreateAutoScalingGroup&Version=2011-01-01&AutoScalingGroupName=shop-green&MinSize=1&MaxSize=4"
            + "&LaunchTemplate.LaunchTemplateId=lt-0123&LaunchTemplate.Version=%242"
            + "&TargetGroupARNs.member.1=arn%3Aa&TargetGroupARNs.member.2=arn%3Ab"
            + "&Tags.member.1.Key=app&Tags.member.1.Value=shop&Tags.member.1.PropagateAtLaunch=true");

        Assert.True(verdict.Fits, verdict.Message);
        Assert.Equal("CreateAutoScalingGroup", verdict.Operation);
    }

    [Fact]
    public void Check_UnknownAction_NamesTheAction()
    {
        var verdict = Query("autoscaling", "Action=DescribeGroups&Version=2011-01-01");

        Assert.Contains("'DescribeGroups' is not an operation of autoscaling", verdict.Message);
    }

    [Fact]
    public void Check_WrongVersion_NamesTheModelsVersion()
    {
        var verdict = Query("autoscaling", "Action=DescribeAutoScalingGroups&Version=2011-01-02");

        Assert.Contains("Version: '2011-01-02' is not the model's API version 2011-01-01", verdict.Message);
    }

    [Fact]
    public void Check_ListWithoutMember_IsAnUnknownParameter()
    {
        var verdict = Query("autoscaling", "Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.1=a");

        Assert.Contains("AutoScalingGroupNames.1: no such parameter in AutoScalingGroupNamesType", verdict.Message);
    }

    [Fact]
    public void Check_ListNumberedWithGaps_IsAViolation()
    {
        var verdict = Query("autoscaling", "Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=a&AutoScalingGroupNames.member.3=b");

        Assert.Contains("AutoScalingGroupNames: list items must be numbered", verdict.Message);
    }

    [Fact]
    public void Check_RequiredMissingTypeWrongAndTooLong_AllNamed()
    {
        var verdict = Query("autoscaling",
            $"Action=CreateAutoScalingGroup&Version=2011-01-01&AutoScalingGroupName={new string('a', 256)}&MinSize=one");

        Assert.Contains("MaxSize: required parameter missing", verdict.Message);
        Assert.Contains("MinSize: 'one' is not an integer", verdict.Message);
        Assert.Contains("AutoScalingGroupName: length 256 is above the maximum 255", verdict.Message);
    }

    [Fact]
    public void Check_EnumOutsideItsValues_IsAViolation()
    {
        var verdict = Query("elasticloadbalancing", "Action=CreateTargetGroup&Version=2015-12-01&Name=tg&Protocol=HTTPX");

        Assert.Equal("elbv2", verdict.Service);
        Assert.Contains("Protocol: 'HTTPX' is not one of the enum's values", verdict.Message);
    }

    [Fact]
    public void Check_NumberBelowMinimum_IsAViolation()
    {
        var fits = Query("elasticloadbalancing",
            "Action=ModifyListener&Version=2015-12-01&ListenerArn=arn&DefaultActions.member.1.Type=forward"
            + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=tg&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=0");
        var verdict = Query("elasticloadbalancing", "Action=DescribeTargetGroups&Version=2015-12-01&PageSize=0");

        Assert.True(fits.Fits, fits.Message);
        Assert.Contains("PageSize: 0 is below the minimum 1", verdict.Message);
    }

    [Fact]
    public void Check_MapEntries_UseTheModelsKeyAndValueNames()
    {
        var good = Query("sns", "Action=Publish&Version=2010-03-31&TopicArn=arn&Message=hi"
            + "&MessageAttributes.entry.1.Name=kind&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=x");
        var bad = Query("sns", "Action=Publish&Version=2010-03-31&TopicArn=arn&Message=hi"
            + "&MessageAttributes.entry.1.key=kind&MessageAttributes.entry.1.Value.DataType=String");

        Assert.True(good.Fits, good.Message);
        Assert.Contains("MessageAttributes.entry.1.key: no such parameter", bad.Message);
    }

    [Fact]
    public void Check_CloudWatchInQueryMode_ChecksAgainstTheCloudWatchModel()
    {
        var verdict = Query("monitoring", "Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=a&StateValue=BROKEN");

        Assert.Contains("StateValue: 'BROKEN' is not one of the enum's values", verdict.Message);
    }

    [Fact]
    public void Check_Ec2Flavour_ListsAreNameDotNAndNamesCapitalised()
    {
        var good = Query("ec2", "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-1&Filter.1.Name=tag%3Aapp&Filter.1.Value.1=shop&MaxResults=5", ec2: true);
        var bad = Query("ec2", "Action=DescribeInstances&Version=2016-11-15&InstanceIds.member.1=i-1&filter.1.Name=x", ec2: true);

        Assert.True(good.Fits, good.Message);
        Assert.Contains("InstanceIds.member.1: no such parameter", bad.Message);
        Assert.Contains("filter.1.Name: no such parameter", bad.Message);
    }
}
