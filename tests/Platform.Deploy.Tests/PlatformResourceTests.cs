namespace Platform.Deploy.Tests;

/// <summary>The edge, network policies, Dapr, the data services and the Secrets around the hosts.</summary>
public class PlatformResourceTests
{
    public static TheoryData<string, string> NotificationBindings => new()
    {
        { "notify-smtp", "bindings.smtp" },
        { "notify-sms", "bindings." },
        { "notify-dingtalk", "bindings.dingtalk.webhook" },
    };

    [Fact]
    public void NamespaceDeniesIngressByDefault()
    {
        Assert.Contains(
            Manifests.Current.OfKind("NetworkPolicy"),
            p => Yaml.SelectsEverything(p.Root.At("spec", "podSelector"))
                && p.Root.Seq("spec", "policyTypes").OfType<string>().Contains("Ingress")
                && p.Root.Seq("spec", "ingress").Count == 0);
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostAcceptsTrafficOnItsPortsDespiteTheDefaultDeny(string host)
    {
        var labels = Hosts.PodLabels(host);
        var rules = Manifests.Current.OfKind("NetworkPolicy")
            .Where(p => Yaml.Selects(p.Root.At("spec", "podSelector"), labels))
            .SelectMany(p => p.Root.Maps("spec", "ingress"))
            .ToList();

        bool Allows(string name, string number) => rules.Any(rule =>
        {
            var ports = rule.Maps("ports").ToList();
            return ports.Count == 0 || ports.Any(p => p.Str("port") == name || p.Str("port") == number);
        });

        foreach (var (name, number) in Hosts.ExpectedPorts(host))
        {
            Assert.True(Allows(name, number), $"No NetworkPolicy lets traffic reach '{host}' on {name} {number}.");
        }
    }

    [Fact]
    public void OnlyTheGatewayReachesThePortal()
    {
        var rules = PoliciesSelecting(Hosts.Portal, "Ingress").SelectMany(p => p.Root.Maps("spec", "ingress")).ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var peers = rule.Maps("from").ToList();
            Assert.True(peers.Count > 0, "An ingress rule for the portal admits every source.");
            foreach (var peer in peers)
            {
                Assert.True(
                    OnlyHost(peer, "gateway"),
                    "An ingress rule for the portal admits more than the gateway's pods: " + string.Join(", ", peer.Keys));
            }

            var ports = rule.Maps("ports").Select(p => p.Str("port")).ToList();
            Assert.True(ports.Count > 0 && ports.All(p => p is "http" or "8080"), "An ingress rule for the portal opens more than its http port.");
        }
    }

    [Fact]
    public void ThePortalReachesOnlyTheGatewayDnsAndTheTelemetryCollector()
    {
        var policies = PoliciesSelecting(Hosts.Portal, "Egress").ToList();
        Assert.True(policies.Count > 0, "No NetworkPolicy restricts where the portal's pods may connect.");

        var collector = new Uri(Manifests.Current.Find("ConfigMap", "duban-observability")!.Root.Str("data", "OTEL_EXPORTER_OTLP_ENDPOINT")!);
        var collectorNamespace = collector.Host.Split('.') is [_, var ns, ..] ? ns : "";
        var allowed = new List<string>();
        foreach (var rule in policies.SelectMany(p => p.Root.Maps("spec", "egress")))
        {
            var peers = rule.Maps("to").ToList();
            var ports = rule.Maps("ports").Select(p => p.Str("port") ?? "").ToList();
            Assert.True(peers.Count > 0 && ports.Count > 0, "An egress rule for the portal allows every destination or every port.");
            foreach (var peer in peers)
            {
                if (OnlyHost(peer, "gateway"))
                {
                    Assert.All(ports, p => Assert.Contains(p, new[] { "8080", "8081", "http", "grpc" }));
                    allowed.AddRange(ports.Select(p => "gateway:" + p));
                }
                else if (peer.StringMap("namespaceSelector", "matchLabels").GetValueOrDefault("kubernetes.io/metadata.name") == "kube-system"
                         && peer.StringMap("podSelector", "matchLabels").GetValueOrDefault("k8s-app") == "kube-dns")
                {
                    Assert.All(ports, p => Assert.Equal("53", p));
                    allowed.AddRange(rule.Maps("ports").Select(p => "dns:" + (p.Str("protocol") ?? "TCP")));
                }
                else if (peer.StringMap("namespaceSelector", "matchLabels").GetValueOrDefault("kubernetes.io/metadata.name") == collectorNamespace
                         && !peer.ContainsKey("ipBlock"))
                {
                    Assert.All(ports, p => Assert.Equal(collector.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), p));
                    allowed.Add("telemetry");
                }
                else
                {
                    Assert.Fail("An egress rule for the portal reaches something other than the gateway, DNS or the collector: " + string.Join(", ", peer.Keys));
                }
            }
        }

        Assert.Contains(allowed, a => a is "gateway:8080" or "gateway:http");
        Assert.Contains(allowed, a => a is "gateway:8081" or "gateway:grpc");
        Assert.Contains("dns:UDP", allowed);
    }

    [Fact]
    public void TheNotificationServiceReachesOnlyItsDependenciesTheSmtpRelayAndPublicHttps()
    {
        // Webhook URLs come from district offices: the pod must not reach the cluster or a private network on its own.
        var policies = PoliciesSelecting("notifications", "Egress").ToList();
        Assert.True(policies.Count > 0, "No NetworkPolicy restricts where the notification service's pods may connect.");

        var smtpPort = Hosts.Require(Manifests.Current.Find("Component", "notify-smtp"), "No Dapr Component 'notify-smtp'.")
            .Root.Maps("spec", "metadata").FirstOrDefault(m => m.Str("name") == "port")?.Str("value") ?? "";
        Assert.False(string.IsNullOrEmpty(smtpPort), "notify-smtp names no port.");
        string[] privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8"];
        var allowed = new List<string>();
        foreach (var rule in policies.SelectMany(p => p.Root.Maps("spec", "egress")))
        {
            var peers = rule.Maps("to").ToList();
            var ports = rule.Maps("ports").Select(p => p.Str("port") ?? "").ToList();
            Assert.True(peers.Count > 0 && ports.Count > 0, "An egress rule for notifications allows every destination or every port.");
            foreach (var peer in peers)
            {
                var namespaceLabel = peer.StringMap("namespaceSelector", "matchLabels").GetValueOrDefault("kubernetes.io/metadata.name");
                var podLabels = peer.StringMap("podSelector", "matchLabels");
                if (peer.Map("ipBlock") is { } block)
                {
                    // Outside the cluster: only the public internet, only HTTPS and the relay's port.
                    Assert.Equal("0.0.0.0/0", block.Str("cidr"));
                    var except = block.Seq("except").OfType<string>().ToList();
                    Assert.All(privateRanges, range => Assert.Contains(range, except));
                    Assert.All(ports, p => Assert.Contains(p, new[] { "443", smtpPort }));
                    allowed.AddRange(ports.Select(p => "internet:" + p));
                }
                else if (namespaceLabel == "kube-system" && podLabels.GetValueOrDefault("k8s-app") == "kube-dns")
                {
                    Assert.All(ports, p => Assert.Equal("53", p));
                    allowed.AddRange(rule.Maps("ports").Select(p => "dns:" + (p.Str("protocol") ?? "TCP")));
                }
                else if (namespaceLabel is "observability" or "dapr-system" && !peer.ContainsKey("podSelector"))
                {
                    string[] expected = namespaceLabel == "observability" ? ["4317"] : ["50001", "6500", "50005", "50006"];
                    Assert.All(ports, p => Assert.Contains(p, expected));
                    allowed.Add(namespaceLabel);
                }
                else
                {
                    Assert.True(peer.Keys.All(k => k is "podSelector"), "An egress rule for notifications reaches another namespace: " + string.Join(", ", peer.Keys));
                    var target = podLabels.GetValueOrDefault("app.kubernetes.io/name") == "rabbitmq" ? "rabbitmq"
                        : podLabels.ContainsKey("cnpg.io/cluster") ? "postgres"
                        : OnlyHost(peer, "reporting") ? "reporting"
                        : OnlyHost(peer, "units") ? "units"
                        : null;
                    Assert.True(target is not null, "An egress rule for notifications reaches pods it has no business with: " + string.Join(", ", podLabels));
                    allowed.AddRange(ports.Select(p => $"{target}:{p}"));
                }
            }
        }

        Assert.Contains("dns:UDP", allowed);
        Assert.Contains("dns:TCP", allowed);
        Assert.Contains("rabbitmq:5672", allowed);
        Assert.Contains("postgres:5432", allowed);
        Assert.Contains(allowed, a => a is "reporting:8081" or "reporting:grpc");
        Assert.Contains(allowed, a => a is "units:8080" or "units:http");
        Assert.Contains("internet:443", allowed);
        Assert.Contains("internet:" + smtpPort, allowed);
        Assert.DoesNotContain(allowed, a => a.StartsWith("reporting:", StringComparison.Ordinal) && a is not ("reporting:8081" or "reporting:grpc"));
        Assert.DoesNotContain(allowed, a => a.StartsWith("units:", StringComparison.Ordinal) && a is not ("units:8080" or "units:http"));
    }

    [Fact]
    public void GatewayIsReachableFromTheIngressControllerNamespace()
    {
        var labels = Hosts.PodLabels("gateway");
        Assert.Contains(
            Manifests.Current.OfKind("NetworkPolicy")
                .Where(p => Yaml.Selects(p.Root.At("spec", "podSelector"), labels))
                .SelectMany(p => p.Root.Maps("spec", "ingress"))
                .SelectMany(rule => rule.Maps("from")),
            peer => peer.StringMap("namespaceSelector", "matchLabels").GetValueOrDefault("kubernetes.io/metadata.name") == "ingress-nginx");
    }

    [Fact]
    public void GatewayIngressRoutesToTheGatewayServiceOverTls()
    {
        var ingress = Assert.Single(
            Manifests.Current.OfKind("Ingress"),
            i => Backends(i).Any(b => b.Host == "duban.example.gov.cn" && b.Path == "/" && b.Service == "gateway"));
        var backend = Backends(ingress).First(b => b.Service == "gateway");
        Assert.True(ServicePortIs("gateway", backend.Port, "http"), $"{ingress} routes to gateway port '{backend.Port}', not its http port.");
        AssertTls(ingress, "duban.example.gov.cn");
    }

    [Fact]
    public void GrpcIngressSpeaksGrpcToTheGatewayGrpcPort()
    {
        var ingress = Assert.Single(
            Manifests.Current.OfKind("Ingress"),
            i => Backends(i).Any(b => b.Host == "grpc.duban.example.gov.cn" && b.Service == "gateway"));
        Assert.Equal("GRPC", ingress.Root.StringMap("metadata", "annotations").GetValueOrDefault("nginx.ingress.kubernetes.io/backend-protocol"));
        var backend = Backends(ingress).First(b => b.Service == "gateway");
        Assert.True(ServicePortIs("gateway", backend.Port, "grpc"), $"{ingress} routes to gateway port '{backend.Port}', not its grpc port.");
        AssertTls(ingress, "grpc.duban.example.gov.cn");
    }

    [Fact]
    public void DaprConfigurationTracesToOtlp()
    {
        var configuration = Hosts.Require(Manifests.Current.Find("Configuration", "duban"), "No Dapr Configuration 'duban'.");
        Assert.StartsWith("dapr.io/", configuration.ApiVersion, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(configuration.Root.Str("spec", "tracing", "otel", "endpointAddress")), "Dapr tracing has no OTLP endpoint.");
    }

    [Theory]
    [MemberData(nameof(NotificationBindings))]
    public void NotificationBindingsAreDaprComponentsOnlyNotificationsMayUse(string name, string typePrefix)
    {
        var component = Hosts.Require(Manifests.Current.Find("Component", name), $"No Dapr Component '{name}'.");
        Assert.StartsWith("dapr.io/", component.ApiVersion, StringComparison.Ordinal);
        Assert.StartsWith(typePrefix, component.Root.Str("spec", "type") ?? "", StringComparison.Ordinal);
        Assert.Equal(["notifications"], component.Root.Seq("scopes").OfType<string>());
        Assert.DoesNotContain(
            component.Root.Maps("spec", "metadata"),
            m => m.Str("name") is "password" or "secret" or "securityToken" or "token" && m.Has("value"));
    }

    [Fact]
    public void DaprSecretStoreReadsKubernetesSecrets()
    {
        var store = Hosts.Require(Manifests.Current.Find("Component", "secretstore"), "No Dapr Component 'secretstore'.");
        Assert.Equal("secretstores.kubernetes", store.Root.Str("spec", "type"));
    }

    [Theory]
    [MemberData(nameof(Hosts.ServiceHosts), MemberType = typeof(Hosts))]
    public void EveryServiceHasItsOwnDatabaseOwnedByTheOwnerRole(string host)
    {
        var manifests = Manifests.Current;
        var database = Assert.Single(manifests.OfKind("Database"), d => d.Root.Str("spec", "name") == $"duban_{host}");
        Assert.Equal("postgresql.cnpg.io/v1", database.ApiVersion);
        Assert.Equal("duban_owner", database.Root.Str("spec", "owner"));
        var cluster = database.Root.Str("spec", "cluster", "name") ?? "";
        Assert.True(manifests.OfKind("Cluster").Any(c => c.Name == cluster), $"{database} names cluster '{cluster}', which is not defined.");
    }

    [Fact]
    public void AppRoleCanLogInButCannotBypassRowLevelSecurity()
    {
        var cluster = Hosts.Require(Manifests.Current.Find("Cluster", "duban-pg"), "No CloudNativePG Cluster duban-pg.");
        Assert.Equal("postgresql.cnpg.io/v1", cluster.ApiVersion);
        var roles = cluster.Root.Maps("spec", "managed", "roles").ToDictionary(r => r.Str("name") ?? "");
        Assert.True(roles.ContainsKey("duban_owner"), "No managed role duban_owner.");
        var app = Hosts.Require(roles.GetValueOrDefault("duban_app"), "No managed role duban_app.");

        Assert.True(app.IsTrue("login"), "duban_app cannot log in.");
        Assert.False(app.IsTrue("superuser"), "duban_app is a superuser.");
        Assert.False(app.IsTrue("bypassrls"), "duban_app bypasses row-level security.");
        Assert.False(string.IsNullOrEmpty(app.Str("passwordSecret", "name")), "duban_app has no password Secret.");
        Assert.DoesNotContain(Manifests.Current.OfKind("Database"), d => d.Root.Str("spec", "owner") == "duban_app");
    }

    [Fact]
    public void RabbitMqRunsThreeNodesWithQuorumQueuesByDefault()
    {
        var rabbit = Hosts.Require(Manifests.Current.Find("RabbitmqCluster", "rabbitmq"), "No RabbitmqCluster 'rabbitmq'.");
        Assert.Equal("rabbitmq.com/v1beta1", rabbit.ApiVersion);
        Assert.Equal("3", rabbit.Root.Str("spec", "replicas"));
        var config = rabbit.Root.Str("spec", "rabbitmq", "additionalConfig") ?? "";
        Assert.Contains(
            config.Split('\n'),
            line => line.Replace(" ", "", StringComparison.Ordinal).Trim() == "default_queue_type=quorum");
    }

    [Fact]
    public void EveryReferencedSecretIsDescribedInTheExample()
    {
        var manifests = Manifests.Current;
        var operatorMade = manifests.OfKind("RabbitmqCluster").Select(r => $"{r.Name}-default-user").ToHashSet(StringComparer.Ordinal);
        var example = manifests.ExampleResources
            .Where(r => r.Kind == "Secret")
            .ToDictionary(r => r.Name, r => r.Root.StringMap("stringData").Keys.Concat(r.Root.StringMap("data").Keys).ToHashSet(StringComparer.Ordinal));

        var missing = new List<string>();
        foreach (var (secret, key, user) in ReferencedSecrets(manifests).Where(s => !operatorMade.Contains(s.Secret)))
        {
            if (!example.TryGetValue(secret, out var keys))
            {
                missing.Add($"{secret} (used by {user})");
            }
            else if (key is not null && !keys.Contains(key))
            {
                missing.Add($"{secret}/{key} (used by {user})");
            }
        }

        Assert.True(missing.Count == 0, "Secrets referenced but not in secrets.example.yaml: " + string.Join(", ", missing.Distinct()));
    }

    private sealed record Backend(string? Host, string? Path, string? Service, string? Port);

    /// <summary>The NetworkPolicies of this type (Ingress or Egress) that apply to a host's pods.</summary>
    private static IEnumerable<K8sResource> PoliciesSelecting(string host, string policyType)
    {
        var labels = Hosts.PodLabels(host);
        return Manifests.Current.OfKind("NetworkPolicy")
            .Where(p => Yaml.Selects(p.Root.At("spec", "podSelector"), labels)
                        && p.Root.Seq("spec", "policyTypes").OfType<string>().Contains(policyType));
    }

    /// <summary>Is this policy peer exactly the pods of one host in namespace duban (no namespace selector, no IP block)?</summary>
    private static bool OnlyHost(IDictionary<object, object?> peer, string host) =>
        peer.Keys.All(k => k is "podSelector")
        && Yaml.Selects(peer.At("podSelector"), Hosts.PodLabels(host))
        && Hosts.All.Where(h => h != host).All(other => !Yaml.Selects(peer.At("podSelector"), Hosts.PodLabels(other)));

    private static IEnumerable<Backend> Backends(K8sResource ingress) =>
        from rule in ingress.Root.Maps("spec", "rules")
        from path in rule.Maps("http", "paths")
        select new Backend(
            rule.Str("host"),
            path.Str("path"),
            path.Str("backend", "service", "name"),
            path.Str("backend", "service", "port", "name") ?? path.Str("backend", "service", "port", "number"));

    private static bool ServicePortIs(string service, string? port, string expectedName) =>
        Hosts.Service(service).Root.Maps("spec", "ports")
            .Any(p => p.Str("name") == expectedName && (p.Str("name") == port || p.Str("port") == port));

    private static void AssertTls(K8sResource ingress, string host)
    {
        Assert.Contains(
            ingress.Root.Maps("spec", "tls"),
            t => !string.IsNullOrEmpty(t.Str("secretName")) && t.Seq("hosts").OfType<string>().Contains(host));
    }

    private static IEnumerable<(string Secret, string? Key, string User)> ReferencedSecrets(Manifests manifests)
    {
        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var pod = deployment.Root.At("spec", "template", "spec");
            foreach (var container in pod.Maps("containers").Concat(pod.Maps("initContainers")))
            {
                foreach (var variable in container.Maps("env"))
                {
                    if (variable.Str("valueFrom", "secretKeyRef", "name") is { } name)
                    {
                        yield return (name, variable.Str("valueFrom", "secretKeyRef", "key"), deployment.ToString());
                    }
                }

                foreach (var source in container.Maps("envFrom"))
                {
                    if (source.Str("secretRef", "name") is { } name)
                    {
                        yield return (name, null, deployment.ToString());
                    }
                }
            }

            foreach (var volume in pod.Maps("volumes"))
            {
                if (volume.Str("secret", "secretName") is { } name)
                {
                    var items = volume.Maps("secret", "items").Select(i => i.Str("key")).OfType<string>().ToList();
                    if (items.Count == 0)
                    {
                        yield return (name, null, deployment.ToString());
                    }

                    foreach (var key in items)
                    {
                        yield return (name, key, deployment.ToString());
                    }
                }
            }
        }

        foreach (var ingress in manifests.OfKind("Ingress"))
        {
            foreach (var tls in ingress.Root.Maps("spec", "tls"))
            {
                if (tls.Str("secretName") is { } name)
                {
                    yield return (name, null, ingress.ToString());
                }
            }
        }

        foreach (var component in manifests.OfKind("Component"))
        {
            foreach (var item in component.Root.Maps("spec", "metadata"))
            {
                if (item.Str("secretKeyRef", "name") is { } name)
                {
                    yield return (name, item.Str("secretKeyRef", "key"), component.ToString());
                }
            }
        }

        foreach (var cluster in manifests.OfKind("Cluster"))
        {
            if (cluster.Root.Str("spec", "bootstrap", "initdb", "secret", "name") is { } bootstrap)
            {
                yield return (bootstrap, "password", cluster.ToString());
            }

            foreach (var role in cluster.Root.Maps("spec", "managed", "roles"))
            {
                if (role.Str("passwordSecret", "name") is { } name)
                {
                    yield return (name, "password", cluster.ToString());
                }
            }
        }
    }
}
