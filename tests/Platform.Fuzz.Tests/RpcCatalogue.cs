using Google.Api;
using Google.Protobuf.Reflection;

namespace Platform.Fuzz.Tests;

/// <summary>One RPC of the platform's contracts, with its REST mapping when it has one.</summary>
public sealed record Rpc(MethodDescriptor Method, HttpRule? Http)
{
    public string GrpcPath => $"/{Method.Service.FullName}/{Method.Name}";

    public override string ToString() => $"{Method.Service.FullName}/{Method.Name}";
}

/// <summary>
/// Every RPC the platform serves, read from the compiled protos in Platform.Contracts: a method added to a .proto is
/// fuzzed without a line of test code.
/// </summary>
public static class RpcCatalogue
{
    public static IReadOnlyList<Rpc> All { get; } = Load();

    private static List<Rpc> Load()
    {
        var files = typeof(Platform.Contracts.Units.V1.Unit).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package.StartsWith("platform.", StringComparison.Ordinal))
            .ToList();
        return files
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Where(m => !m.IsClientStreaming)
            .Select(m => new Rpc(m, m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();
    }
}
