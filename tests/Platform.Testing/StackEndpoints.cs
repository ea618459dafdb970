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

    /// <summary>
    /// The ports on 127.0.0.1 the stack's notification service allow-lists for webhook receivers
    /// (DUBAN_TEST_WEBHOOK_PORTS="5191,5192"): it sends nowhere else that is not a public https address.
    /// </summary>
    public static IReadOnlyList<int> WebhookReceiverPorts =>
        (Environment.GetEnvironmentVariable("DUBAN_TEST_WEBHOOK_PORTS") is { Length: > 0 } ports ? ports : throw Missing("DUBAN_TEST_WEBHOOK_PORTS"))
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    private static Uri Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? new Uri(value) : throw Missing(name);

    private static InvalidOperationException Missing(string name) =>
        new($"{name} is not set: the end-to-end tests need the running stack. Run deploy/local/test.sh.");
}
