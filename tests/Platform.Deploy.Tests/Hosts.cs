namespace Platform.Deploy.Tests;

/// <summary>A resolved environment variable: a literal, or a reference to a Secret key.</summary>
internal sealed record EnvValue(string? Literal, string? SecretName, string? SecretKey)
{
    public bool FromSecret => SecretName is not null;
}

/// <summary>The five hosts and helpers to look at their workloads.</summary>
internal static class Hosts
{
    public static readonly string[] All = ["units", "tasks", "reporting", "notifications", "gateway"];

    /// <summary>The hosts that own a database and talk to RabbitMQ (everything but the gateway).</summary>
    public static readonly string[] Services = ["units", "tasks", "reporting", "notifications"];

    public static TheoryData<string> AllHosts => new(All);

    public static TheoryData<string> ServiceHosts => new(Services);

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
