namespace Platform.Deploy.Tests;

/// <summary>A resolved environment variable: a literal, or a reference to a Secret key.</summary>
internal sealed record EnvValue(string? Literal, string? SecretName, string? SecretKey)
{
    public bool FromSecret => SecretName is not null;
}

/// <summary>The six hosts and helpers to look at their workloads.</summary>
internal static class Hosts
{
    public const string Portal = "portal";

    public static readonly string[] All = ["units", "tasks", "reporting", "notifications", Portal, "gateway"];

    /// <summary>The hosts that own a database and talk to RabbitMQ (everything but the portal and the gateway).</summary>
    public static readonly string[] Services = ["units", "tasks", "reporting", "notifications"];

    /// <summary>
    /// The hosts with a gRPC port (8081), which validate the platform's tokens and run a Dapr sidecar: everything but
    /// the portal, which serves browsers on its HTTP port only, keeps its own cookie and may reach nothing but the gateway.
    /// </summary>
    public static readonly string[] Grpc = All.Where(h => h != Portal).ToArray();

    public static TheoryData<string> AllHosts => new(All);

    public static TheoryData<string> ServiceHosts => new(Services);

    public static TheoryData<string> GrpcHosts => new(Grpc);

    public static bool HasGrpc(string host) => Grpc.Contains(host);

    /// <summary>The ports a host listens on, by name: http 8080 everywhere, grpc 8081 where it has one.</summary>
    public static IReadOnlyList<(string Name, string Number)> ExpectedPorts(string host) =>
        HasGrpc(host) ? [("http", "8080"), ("grpc", "8081")] : [("http", "8080")];

    /// <summary>A Service's port numbers by name.</summary>
    public static IReadOnlyDictionary<string, string?> ServicePorts(string host) =>
        Service(host).Root.Maps("spec", "ports").ToDictionary(p => p.Str("name") ?? "", p => p.Str("port"), StringComparer.Ordinal);

    public static T Require<T>(T? value, string message)
        where T : class
    {
        if (value is null)
        {
            Assert.Fail(message);
        }

        return value!;
    }

    public static K8sResource Deployment(string host) =>
        Require(Manifests.Current.Find("Deployment", host), $"No Deployment '{host}' in the kustomization.");

    public static K8sResource Service(string host) =>
        Require(Manifests.Current.Find("Service", host), $"No Service '{host}' in the kustomization.");

    public static object PodTemplate(string host) =>
        Require(Deployment(host).Root.At("spec", "template"), $"Deployment '{host}' has no pod template.");

    public static IReadOnlyDictionary<string, string> PodLabels(string host) => PodTemplate(host).StringMap("metadata", "labels");

    /// <summary>The host's application container: the one named after the host, else the first.</summary>
    public static IDictionary<object, object?> Container(string host)
    {
        var containers = PodTemplate(host).Maps("spec", "containers").ToList();
        return Require(
            containers.FirstOrDefault(c => c.Str("name") == host) ?? containers.FirstOrDefault(),
            $"Deployment '{host}' has no container.");
    }

    /// <summary>Container port numbers by name.</summary>
    public static IReadOnlyDictionary<string, string> ContainerPorts(string host) =>
        Container(host).Maps("ports")
            .Where(p => p.Str("name") is not null)
            .ToDictionary(p => p.Str("name")!, p => p.Str("containerPort") ?? "", StringComparer.Ordinal);

    /// <summary>
    /// The container's environment as the kubelet would build it: envFrom ConfigMaps/Secrets first,
    /// then env entries (which win), ConfigMap references resolved against the kustomization.
    /// </summary>
    public static IReadOnlyDictionary<string, EnvValue> Environment(string host)
    {
        var manifests = Manifests.Current;
        var container = Container(host);
        var env = new Dictionary<string, EnvValue>(StringComparer.Ordinal);

        foreach (var source in container.Maps("envFrom"))
        {
            var prefix = source.Str("prefix") ?? "";
            if (source.Str("configMapRef", "name") is { } configMap)
            {
                foreach (var (key, value) in manifests.Find("ConfigMap", configMap)?.Root.StringMap("data") ?? new Dictionary<string, string>())
                {
                    env[prefix + key] = new EnvValue(value, null, null);
                }
            }
        }

        foreach (var variable in container.Maps("env"))
        {
            var name = variable.Str("name") ?? "";
            if (variable.Has("value"))
            {
                env[name] = new EnvValue(variable.Str("value"), null, null);
            }
            else if (variable.Map("valueFrom", "secretKeyRef") is { } secretRef)
            {
                env[name] = new EnvValue(null, secretRef.Str("name"), secretRef.Str("key"));
            }
            else if (variable.Map("valueFrom", "configMapKeyRef") is { } configMapRef)
            {
                var data = manifests.Find("ConfigMap", configMapRef.Str("name") ?? "")?.Root.StringMap("data");
                env[name] = new EnvValue(data is not null && data.TryGetValue(configMapRef.Str("key") ?? "", out var v) ? v : null, null, null);
            }
            else
            {
                env[name] = new EnvValue(null, null, null);
            }
        }

        return env;
    }
}
