using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using Platform.Gateway.Routing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway's list of REST resources and the services' HTTP annotations say the same thing twice; this test ties
/// them, so a resource added to a proto without the gateway (unreachable) or left in the gateway after it went from
/// the proto (a route to nothing) fails here rather than in front of a user.
/// </summary>
public sealed class RouteTableTests
{
    /// <summary>Resources served by plain HTTP endpoints (files), which no proto declares.</summary>
    private static readonly Dictionary<string, string[]> FileResources = new()
    {
        ["Reporting"] = ["exports", "evidence"],
    };

    [Fact]
    public void EachServicesResourcesAreThoseItsProtosDeclarePlusItsFileEndpoints()
    {
        foreach (var service in ServiceRoutes.Services)
        {
            var declared = DeclaredResources(service.GrpcPackage)
                .Union(FileResources.GetValueOrDefault(service.Name, []))
                .Order(StringComparer.Ordinal);
            Assert.Equal(declared, service.Resources.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void EveryPackageOfTheContractsIsRoutedToOneService()
    {
        var packages = ContractFiles().Where(f => f.Services.Count > 0).Select(f => f.Package).Distinct();
        Assert.Equal(
            packages.Order(StringComparer.Ordinal),
            ServiceRoutes.Services.Select(s => s.GrpcPackage).Order(StringComparer.Ordinal));
    }

    /// <summary>The first path segment under /api/v1/ of every HTTP binding of the package's methods.</summary>
    private static IEnumerable<string> DeclaredResources(string package) =>
        from file in ContractFiles()
        where file.Package == package
        from service in file.Services
        from method in service.Methods
        let rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
        where rule is not null
        from binding in rule.AdditionalBindings.Prepend(rule)
        select Resource(PathOf(binding));

    private static string PathOf(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        _ => rule.Custom.Path,
    };

    private static string Resource(string path)
    {
        const string Prefix = "/api/v1/";
        Assert.StartsWith(Prefix, path);
        var rest = path[Prefix.Length..];
        var end = rest.IndexOfAny(['/', ':', '{']);
        return end < 0 ? rest : rest[..end];
    }

    private static IEnumerable<FileDescriptor> ContractFiles() =>
        typeof(Platform.Contracts.Reporting.V1.Reports).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .Distinct();
}
