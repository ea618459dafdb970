namespace Platform.Deploy.Tests;

/// <summary>What each host is told through its environment, and where credentials come from.</summary>
public class HostConfigurationTests
{
    private static readonly string[] CredentialMarkers = ["ConnectionStrings__", "Password", "Secret", "Token", "ApiKey"];

    [Theory]
    [MemberData(nameof(Hosts.ServiceHosts), MemberType = typeof(Hosts))]
    public void EveryServiceReadsItsConnectionStringsFromSecrets(string host)
    {
        var env = Hosts.Environment(host);
        foreach (var name in new[] { "ConnectionStrings__Database", "ConnectionStrings__DatabaseOwner", "ConnectionStrings__RabbitMq" })
        {
            var value = Hosts.Require(env.GetValueOrDefault(name), $"'{host}' has no {name}.");
            Assert.True(value.FromSecret && !string.IsNullOrEmpty(value.SecretKey), $"'{host}' {name} is not read from a Secret key.");
        }

        Assert.Equal($"{host}-db-app", env["ConnectionStrings__Database"].SecretName);
        Assert.Equal($"{host}-db-owner", env["ConnectionStrings__DatabaseOwner"].SecretName);
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void NoHostCarriesCredentialsAsLiteralEnvironment(string host)
    {
        var literal = Hosts.Environment(host)
            .Where(kv => CredentialMarkers.Any(m => kv.Key.Contains(m, StringComparison.OrdinalIgnoreCase)) && !kv.Value.FromSecret)
            .Select(kv => kv.Key)
            .ToList();
        Assert.True(literal.Count == 0, $"'{host}' sets credentials without a Secret: " + string.Join(", ", literal));
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostTrustsTokensIssuedByUnits(string host)
    {
        var unitsHttp = Hosts.Service("units").Root.Maps("spec", "ports").First(p => p.Str("name") == "http").Str("port");
        Assert.Equal($"http://units.duban.svc:{unitsHttp}", Hosts.Environment(host).GetValueOrDefault("Identity__Authority")?.Literal);
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostExportsTelemetryToTheSharedOtlpEndpoint(string host)
    {
        var configured = Hosts.Require(
            Manifests.Current.Find("ConfigMap", "duban-observability"),
            "No ConfigMap duban-observability.").Root.StringMap("data").GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT");
        Assert.False(string.IsNullOrWhiteSpace(configured), "duban-observability sets no OTEL_EXPORTER_OTLP_ENDPOINT.");
        Assert.Equal(configured, Hosts.Environment(host).GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT")?.Literal);
    }

    [Fact]
    public void GatewayReachesEveryServiceAtItsServiceAddress()
    {
        var env = Hosts.Environment("gateway");
        foreach (var service in Hosts.Services)
        {
            var section = char.ToUpperInvariant(service[0]) + service[1..];
            var ports = Hosts.Service(service).Root.Maps("spec", "ports").ToDictionary(p => p.Str("name") ?? "", p => p.Str("port"));
            Assert.Equal($"http://{service}.duban.svc:{ports.GetValueOrDefault("http")}", env.GetValueOrDefault($"Services__{section}__Http")?.Literal);
            Assert.Equal($"http://{service}.duban.svc:{ports.GetValueOrDefault("grpc")}", env.GetValueOrDefault($"Services__{section}__Grpc")?.Literal);
        }

        Assert.DoesNotContain(env.Keys, k => k.StartsWith("ConnectionStrings__Database", StringComparison.Ordinal));
    }

    [Fact]
    public void UnitsReadsItsSigningKeyFromAMountedSecret()
    {
        var keyFile = Hosts.Require(
            Hosts.Environment("units").GetValueOrDefault("Identity__SigningKeyFile")?.Literal,
            "units has no Identity__SigningKeyFile.");
        Assert.Equal("/var/run/secrets/duban/signing-key.pem", keyFile);

        var mount = Hosts.Require(
            Hosts.Container("units").Maps("volumeMounts")
                .FirstOrDefault(m => keyFile.StartsWith((m.Str("mountPath") ?? "\0").TrimEnd('/') + "/", StringComparison.Ordinal)),
            $"Nothing is mounted where {keyFile} lives.");
        var volume = Hosts.Require(
            Hosts.PodTemplate("units").Maps("spec", "volumes").FirstOrDefault(v => v.Str("name") == mount.Str("name")),
            $"Volume {mount.Str("name")} is not defined.");
        Assert.Equal("duban-signing-key", volume.Str("secret", "secretName"));

        var fileName = keyFile[((mount.Str("mountPath") ?? "").TrimEnd('/').Length + 1)..];
        var items = volume.Maps("secret", "items").ToList();
        Assert.True(items.Count == 0 || items.Any(i => i.Str("path") == fileName), $"Secret volume does not project {fileName}.");
    }
}
