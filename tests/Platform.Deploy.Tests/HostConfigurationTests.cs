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

    /// <summary>
    /// The key a service signs its tenant context with comes from a Secret of its own key, not from the database's:
    /// row-level security must not be reachable with the database credential alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(Hosts.ServiceHosts), MemberType = typeof(Hosts))]
    public void EveryServiceReadsItsOwnDatabaseContextKeyFromASecret(string host)
    {
        var env = Hosts.Environment(host);
        var key = Hosts.Require(env.GetValueOrDefault("Database__ContextKey"), $"'{host}' has no Database__ContextKey.");
        Assert.True(key.FromSecret, $"'{host}' Database__ContextKey is not read from a Secret.");
        Assert.Equal(host, key.SecretKey);
        Assert.DoesNotContain(key.SecretName, new[] { env["ConnectionStrings__Database"].SecretName, env["ConnectionStrings__DatabaseOwner"].SecretName });
        Assert.False(Hosts.Environment("gateway").ContainsKey("Database__ContextKey"), "The gateway, which has no database, is given a context key.");
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
    [MemberData(nameof(Hosts.GrpcHosts), MemberType = typeof(Hosts))]
    public void EveryHostThatServesTheApiTrustsTokensIssuedByUnits(string host)
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
    public void GatewayRoutesBrowsersToThePortalsHttpPort()
    {
        var env = Hosts.Environment("gateway");
        Assert.Equal($"http://portal.duban.svc:{Hosts.ServicePorts(Hosts.Portal).GetValueOrDefault("http")}", env.GetValueOrDefault("Services__Portal__Http")?.Literal);
        Assert.False(env.ContainsKey("Services__Portal__Grpc"), "The gateway is given a gRPC address for the portal, which serves none.");
    }

    [Theory]
    [InlineData("gateway", "Gateway__TrustedProxies")]
    [InlineData(Hosts.Portal, "Portal__TrustedProxies")]
    [InlineData("units", "Units__TrustedProxies")]
    public void ForwardedHeadersAreBelievedFromThePodNetworkOnly(string host, string key)
    {
        // The ingress controller (for the gateway) and the gateway (for the portal) run in the pod network; anything wider
        // would let an outside caller name the host the portal's redirects point at.
        var value = Hosts.Require(Hosts.Environment(host).GetValueOrDefault(key), $"'{host}' has no {key}.").Literal ?? string.Empty;
        var entries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.True(System.Net.IPNetwork.TryParse(entry, out var network), $"'{host}' {key}: '{entry}' is not a CIDR network.");
            Assert.True(network.PrefixLength >= 8, $"'{host}' {key}: '{entry}' trusts far more than a pod network.");
        });
    }

    [Fact]
    public void ThePortalCallsOnlyTheGatewayAndHasNoDatabaseOrBroker()
    {
        var env = Hosts.Environment(Hosts.Portal);
        var gateway = Hosts.ServicePorts("gateway");
        Assert.Equal($"http://gateway.duban.svc:{gateway.GetValueOrDefault("http")}", env.GetValueOrDefault("Gateway__Http")?.Literal);
        Assert.Equal($"http://gateway.duban.svc:{gateway.GetValueOrDefault("grpc")}", env.GetValueOrDefault("Gateway__Grpc")?.Literal);

        var elsewhere = env.Keys
            .Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Services__", StringComparison.Ordinal))
            .ToList();
        Assert.True(elsewhere.Count == 0, "The portal is told about more than the gateway: " + string.Join(", ", elsewhere));
    }

    [Fact]
    public void ThePortalKeepsItsKeyRingOnAVolumeEveryReplicaShares()
    {
        var keysPath = Hosts.Require(
            Hosts.Environment(Hosts.Portal).GetValueOrDefault("DataProtection__KeysPath")?.Literal,
            "The portal has no DataProtection__KeysPath: each replica would make keys of its own, and lose them on restart.");

        var mount = Hosts.Require(
            Hosts.Container(Hosts.Portal).Maps("volumeMounts")
                .FirstOrDefault(m => m.Str("mountPath") is { } path &&
                                     (keysPath.TrimEnd('/') == path.TrimEnd('/') || keysPath.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal))),
            $"Nothing is mounted where {keysPath} lives (the root filesystem is read-only).");
        Assert.False(mount.IsTrue("readOnly"), $"The key ring's volume {mount.Str("name")} is mounted read-only.");

        var volume = Hosts.Require(
            Hosts.PodTemplate(Hosts.Portal).Maps("spec", "volumes").FirstOrDefault(v => v.Str("name") == mount.Str("name")),
            $"Volume {mount.Str("name")} is not defined.");
        var claimName = Hosts.Require(
            volume.Str("persistentVolumeClaim", "claimName"),
            $"The key ring's volume {volume.Str("name")} is not a PersistentVolumeClaim: keys would not outlive the pod.");
        var claim = Hosts.Require(
            Manifests.Current.Find("PersistentVolumeClaim", claimName),
            $"No PersistentVolumeClaim '{claimName}' in the kustomization.");
        Assert.Equal(Manifests.Namespace, claim.Namespace);
        Assert.Contains("ReadWriteMany", claim.Root.Seq("spec", "accessModes").OfType<string>());
        Assert.False(
            string.IsNullOrWhiteSpace(claim.Root.Str("spec", "resources", "requests", "storage")),
            $"PersistentVolumeClaim '{claimName}' requests no storage.");
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
