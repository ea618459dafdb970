namespace Platform.Deploy.Tests;

/// <summary>Each host's Deployment, Service, disruption budget and autoscaler.</summary>
public class HostWorkloadTests
{
    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostHasADeploymentAndAServiceInTheDubanNamespace(string host)
    {
        var deployment = Hosts.Deployment(host);
        var service = Hosts.Service(host);
        Assert.Equal(Manifests.Namespace, deployment.Namespace);
        Assert.Equal(Manifests.Namespace, service.Namespace);
        Assert.Equal("apps/v1", deployment.ApiVersion);
        Assert.Equal($"duban/{host}:latest", Hosts.Container(host).Str("image"));

        var labels = Hosts.PodLabels(host);
        Assert.Equal(host, labels.GetValueOrDefault("app.kubernetes.io/name"));
        Assert.Equal("duban", labels.GetValueOrDefault("app.kubernetes.io/part-of"));
        Assert.True(
            Yaml.Selects(deployment.Root.At("spec", "selector"), labels),
            $"Deployment '{host}' selector does not match its own pod template labels.");
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostServiceSelectsItsPodsOnItsHttpAndGrpcPorts(string host)
    {
        var service = Hosts.Service(host);
        Assert.True(
            Yaml.Selects(service.Root.At("spec", "selector"), Hosts.PodLabels(host), plainMap: true),
            $"Service '{host}' does not select the pods of Deployment '{host}'.");
        foreach (var other in Hosts.All.Where(h => h != host))
        {
            Assert.False(
                Yaml.Selects(service.Root.At("spec", "selector"), Hosts.PodLabels(other), plainMap: true),
                $"Service '{host}' also selects the pods of '{other}'.");
        }

        var containerPorts = Hosts.ContainerPorts(host);
        foreach (var (name, number) in Hosts.ExpectedPorts(host))
        {
            var port = Hosts.Require(
                service.Root.Maps("spec", "ports").FirstOrDefault(p => p.Str("name") == name),
                $"Service '{host}' has no port named {name}.");
            Assert.Equal(number, port.Str("port"));
            var target = port.Str("targetPort") ?? port.Str("port")!;
            Assert.True(
                target == name ? containerPorts.ContainsKey(name) : containerPorts.Values.Contains(target),
                $"Service '{host}' port {name} targets {target}, which container '{host}' does not declare.");
        }

        if (!Hosts.HasGrpc(host))
        {
            Assert.False(Hosts.ServicePorts(host).ContainsKey("grpc"), $"Service '{host}' has a grpc port, but '{host}' serves no gRPC.");
        }
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryDeploymentListensOnHttp8080AndGrpc8081WhereItServesGrpc(string host)
    {
        var ports = Hosts.ContainerPorts(host);
        var env = Hosts.Environment(host);
        Assert.Equal("8080", ports.GetValueOrDefault("http"));
        Assert.Equal("8080", env.GetValueOrDefault("Ports__Http")?.Literal);
        if (Hosts.HasGrpc(host))
        {
            Assert.Equal("8081", ports.GetValueOrDefault("grpc"));
            Assert.Equal("8081", env.GetValueOrDefault("Ports__Grpc")?.Literal);
        }
        else
        {
            // The portal: one HTTP/1 port for browsers (through the gateway), health and liveness.
            Assert.Equal(["http"], ports.Keys);
            Assert.False(env.ContainsKey("Ports__Grpc"), $"'{host}' is told to open a gRPC port.");
        }
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryDeploymentProbesHealthAndAlive(string host)
    {
        var container = Hosts.Container(host);
        var ports = Hosts.ContainerPorts(host);

        void AssertProbe(string probe, string? expectedPath)
        {
            var httpGet = Hosts.Require(container.Map(probe, "httpGet"), $"Container '{host}' has no {probe} with httpGet.");
            if (expectedPath is not null)
            {
                Assert.Equal(expectedPath, httpGet.Str("path"));
            }

            var port = httpGet.Str("port") ?? "";
            Assert.False(int.TryParse(port, out _), $"{probe} of '{host}' uses port number {port}; use a named port.");
            Assert.True(ports.ContainsKey(port), $"{probe} of '{host}' uses port '{port}', which the container does not declare.");
        }

        AssertProbe("readinessProbe", "/health");
        AssertProbe("livenessProbe", "/alive");
        AssertProbe("startupProbe", expectedPath: null);
        Assert.Equal("http", container.Str("readinessProbe", "httpGet", "port"));
        Assert.Equal("http", container.Str("livenessProbe", "httpGet", "port"));
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryDeploymentSetsCpuAndMemoryRequestsAndLimits(string host)
    {
        var resources = Hosts.Container(host).Map("resources");
        foreach (var resource in new[] { "cpu", "memory" })
        {
            var request = resources.Str("requests", resource);
            var limit = resources.Str("limits", resource);
            Assert.False(string.IsNullOrWhiteSpace(request), $"'{host}' has no {resource} request.");
            Assert.False(string.IsNullOrWhiteSpace(limit), $"'{host}' has no {resource} limit.");
            Assert.True(
                Yaml.Quantity(request!) <= Yaml.Quantity(limit!),
                $"'{host}' requests more {resource} ({request}) than its limit ({limit}).");
        }
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryDeploymentRunsNonRootWithALockedDownContainer(string host)
    {
        var pod = Hosts.PodTemplate(host).Map("spec");
        var container = Hosts.Container(host);

        Assert.False(container.IsFalse("securityContext", "runAsNonRoot"), $"'{host}' container sets runAsNonRoot: false.");
        Assert.True(
            container.IsTrue("securityContext", "runAsNonRoot") || pod.IsTrue("securityContext", "runAsNonRoot"),
            $"'{host}' does not set runAsNonRoot: true.");
        Assert.Equal("1654", container.Str("securityContext", "runAsUser") ?? pod.Str("securityContext", "runAsUser"));
        Assert.True(container.IsFalse("securityContext", "allowPrivilegeEscalation"), $"'{host}' allows privilege escalation.");
        Assert.True(container.IsTrue("securityContext", "readOnlyRootFilesystem"), $"'{host}' root filesystem is writable.");
        Assert.Contains("ALL", container.Seq("securityContext", "capabilities", "drop").OfType<string>());
        Assert.Equal(
            "RuntimeDefault",
            container.Str("securityContext", "seccompProfile", "type") ?? pod.Str("securityContext", "seccompProfile", "type"));

        // A read-only root needs somewhere to write temporary files.
        var tmp = Hosts.Require(
            container.Maps("volumeMounts").FirstOrDefault(m => m.Str("mountPath") == "/tmp"),
            $"'{host}' mounts nothing at /tmp.");
        var volume = pod.Maps("volumes").FirstOrDefault(v => v.Str("name") == tmp.Str("name"));
        Assert.True(volume is not null && volume.ContainsKey("emptyDir"), $"'{host}' /tmp is not an emptyDir volume.");
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryDeploymentRunsAtLeastTwoReplicas(string host)
    {
        var replicas = Hosts.Deployment(host).Root.Str("spec", "replicas");
        Assert.True(int.TryParse(replicas, out var count) && count >= 2, $"'{host}' runs {replicas ?? "1 (default)"} replica(s).");
    }

    [Theory]
    [MemberData(nameof(Hosts.GrpcHosts), MemberType = typeof(Hosts))]
    public void EveryDeploymentWithAGrpcPortGetsADaprSidecarWithItsOwnAppId(string host)
    {
        // The injector reads the pod's annotations, not the Deployment's.
        var annotations = Hosts.PodTemplate(host).StringMap("metadata", "annotations");
        Assert.Equal("true", annotations.GetValueOrDefault("dapr.io/enabled"));
        Assert.Equal(host, annotations.GetValueOrDefault("dapr.io/app-id"));
        Assert.Equal("grpc", annotations.GetValueOrDefault("dapr.io/app-protocol"));
        Assert.Equal(Hosts.ContainerPorts(host).GetValueOrDefault("grpc"), annotations.GetValueOrDefault("dapr.io/app-port"));

        var config = annotations.GetValueOrDefault("dapr.io/config") ?? "";
        Assert.True(
            Manifests.Current.OfKind("Configuration").Any(c => c.Name == config && c.ApiVersion.StartsWith("dapr.io/", StringComparison.Ordinal)),
            $"'{host}' names Dapr configuration '{config}', which the kustomization does not define.");
    }

    [Fact]
    public void ThePortalRunsWithoutADaprSidecar()
    {
        // No gRPC app port to serve the sidecar, and the portal's egress reaches nothing but the gateway.
        var annotations = Hosts.PodTemplate(Hosts.Portal).StringMap("metadata", "annotations");
        Assert.NotEqual("true", annotations.GetValueOrDefault("dapr.io/enabled"));
    }

    [Fact]
    public void ThePortalNeedsNoKubernetesApiCredentials()
    {
        var pod = Hosts.PodTemplate(Hosts.Portal).Map("spec");
        Assert.True(pod.IsFalse("automountServiceAccountToken"), "The portal's pods mount a service account token.");
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostHasAPodDisruptionBudgetForItsPods(string host)
    {
        var labels = Hosts.PodLabels(host);
        var budgets = Manifests.Current.OfKind("PodDisruptionBudget")
            .Where(p => !Yaml.SelectsEverything(p.Root.At("spec", "selector")) && Yaml.Selects(p.Root.At("spec", "selector"), labels))
            .ToList();
        var budget = Assert.Single(budgets);
        Assert.Equal("policy/v1", budget.ApiVersion);
        Assert.True(
            int.TryParse(budget.Root.Str("spec", "minAvailable"), out var minAvailable) && minAvailable >= 1,
            $"PodDisruptionBudget {budget.Name} does not keep at least one '{host}' pod available.");
        foreach (var other in Hosts.All.Where(h => h != host))
        {
            Assert.False(Yaml.Selects(budget.Root.At("spec", "selector"), Hosts.PodLabels(other)), $"{budget} also covers '{other}'.");
        }
    }

    [Theory]
    [MemberData(nameof(Hosts.AllHosts), MemberType = typeof(Hosts))]
    public void EveryHostHasACpuAutoscalerForItsDeployment(string host)
    {
        var autoscaler = Assert.Single(
            Manifests.Current.OfKind("HorizontalPodAutoscaler"),
            h => h.Root.Str("spec", "scaleTargetRef", "kind") == "Deployment" && h.Root.Str("spec", "scaleTargetRef", "name") == host);
        Assert.Equal("autoscaling/v2", autoscaler.ApiVersion);
        Assert.True(int.TryParse(autoscaler.Root.Str("spec", "minReplicas"), out var min) && min >= 2, $"{autoscaler} may scale below 2 replicas.");
        Assert.True(int.TryParse(autoscaler.Root.Str("spec", "maxReplicas"), out var max) && max >= min, $"{autoscaler} has no sensible maxReplicas.");
        Assert.Contains(
            autoscaler.Root.Maps("spec", "metrics"),
            m => m.Str("type") == "Resource"
                && m.Str("resource", "name") == "cpu"
                && m.Str("resource", "target", "type") == "Utilization"
                && m.Str("resource", "target", "averageUtilization") == "70");
    }
}
