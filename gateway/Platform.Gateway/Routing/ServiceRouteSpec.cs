namespace Platform.Gateway.Routing;

/// <param name="LongResources">Resources whose calls get the long timeout (files: exports, evidence).</param>
/// <param name="LongPaths">Single paths that get the long timeout (document imports).</param>
/// <param name="StreamingMethods">Server-streaming gRPC methods ("Service/Method"), which get no total timeout.</param>
public sealed record ServiceRouteSpec(
    string Name,
    string GrpcPackage,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> AnonymousPaths,
    IReadOnlyList<string>? LongResources = null,
    IReadOnlyList<string>? LongPaths = null,
    IReadOnlyList<string>? StreamingMethods = null);
