namespace Platform.Testing;

/// <summary>Where the running stack is (started by deploy/local/test.sh): the gateway's REST and gRPC addresses.</summary>
public static class StackEndpoints
{
    public static Uri Gateway => Required("DUBAN_TEST_GATEWAY");

    public static Uri GatewayGrpc => Required("DUBAN_TEST_GATEWAY_GRPC");

    /// <summary>Each host's HTTP address by name (DUBAN_TEST_HOSTS="units=http://…;tasks=http://…").</summary>
    public static IReadOnlyDictionary<string, Uri> Hosts =>
        (Environment.GetEnvironmentVariable("DUBAN_TEST_HOSTS") ?? throw Missing("DUBAN_TEST_HOSTS"))
        .Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => p[0], p => new Uri(p[1]));

    private static Uri Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? new Uri(value) : throw Missing(name);

    private static InvalidOperationException Missing(string name) =>
        new($"{name} is not set: the end-to-end tests need the running stack. Run deploy/local/test.sh.");
}
