using System.Collections;
using System.Reflection;
using Amazon.EC2.Model;

namespace BlueGreen.Aws.Ec2;

/// <summary>
/// Turns a version's data as EC2 describes it into the data CreateLaunchTemplate takes, whole:
/// block devices, network interfaces, metadata options, tag specifications and every other member,
/// not only the few BlueGreen reads. EC2's model names the members of ResponseLaunchTemplateData
/// and RequestLaunchTemplateData alike (checked against botocore's service model: only
/// read-only members such as <c>MetadataOptions.State</c> have no request twin and are left out),
/// so the copy goes member by member by name, recursing where the two sides use different types.
/// </summary>
internal static class LaunchTemplateDataCopy
{
    public static RequestLaunchTemplateData From(ResponseLaunchTemplateData data) =>
        (RequestLaunchTemplateData)Copy(data, typeof(RequestLaunchTemplateData))!;

    private static object? Copy(object? value, Type target)
    {
        if (value is null)
        {
            return null;
        }

        var source = value.GetType();
        if (target.IsAssignableFrom(source))
        {
            return value;
        }

        if (value is IList list && target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = target.GetGenericArguments()[0];
            var copy = (IList)Activator.CreateInstance(target)!;
            foreach (var item in list)
            {
                copy.Add(Copy(item, element));
            }

            return copy;
        }

        var result = Activator.CreateInstance(target)!;
        foreach (var property in source.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var twin = target.GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance);
            if (twin is { CanWrite: true } && property.GetIndexParameters().Length == 0)
            {
                twin.SetValue(result, Copy(property.GetValue(value), twin.PropertyType));
            }
        }

        return result;
    }
}
