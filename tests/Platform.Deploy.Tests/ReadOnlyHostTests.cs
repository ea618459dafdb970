using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.Deploy.Tests;

/// <summary>
/// What the images promise, tested without a container engine: each host, published as <c>deploy/images/Dockerfile</c>
/// publishes it, starts and turns ready (its Kubernetes readiness probe, <c>/health</c>) from a read-only root
/// filesystem, as the image's unprivileged user (uid/gid 1654), with only the environment and volumes its manifest in
/// <c>deploy/k8s</c> gives it. The root is made read-only in a private mount namespace (<c>unshare --mount</c>: every
/// file the host could write outside its volumes fails with EROFS), the manifest's volumes are mounted where it says
/// (<c>/tmp</c> and the portal's key ring writable, the signing key's secret read-only), and the environment is the
/// manifest's with its Secrets filled from scratch databases, the test broker and generated keys. Only the ports and
/// the in-cluster address of the units service differ: several hosts share this machine's network.
/// Needs root (to make the namespace), as the CI runs.
/// </summary>
public sealed partial class ReadOnlyHostTests(InfrastructureFixture infrastructure) : IClassFixture<InfrastructureFixture>
{
    private const int ImageUser = 1654;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(120);

    private static readonly Dictionary<string, string> Projects = new(StringComparer.Ordinal)
    {
        ["units"] = "services/Units/Platform.Units",
        ["tasks"] = "services/Tasks/Platform.Tasks",
        ["reporting"] = "services/Reporting/Platform.Reporting",
        ["notifications"] = "services/Notifications/Platform.Notifications",
        ["portal"] = "services/Portal/Platform.Portal",
        ["gateway"] = "gateway/Platform.Gateway",
    };

    [Fact]
    public void TheDockerfileHasATargetPerHostRunningItsAssemblyAsTheManifestsUser()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoRoot.Find(), "deploy", "images", "Dockerfile"));
        var matches = StageRegex().Matches(dockerfile);
        var stages = matches.ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value, StringComparer.Ordinal);
        var bases = matches.ToDictionary(m => m.Groups["name"].Value, m => m.Groups["base"].Value, StringComparer.Ordinal);
        Assert.Contains("USER 1654:1654", stages["runtime"], StringComparison.Ordinal);
        foreach (var host in Hosts.All)
        {
            Assert.True(stages.TryGetValue(host, out var body), $"deploy/images/Dockerfile has no target '{host}'.");
            Assert.Equal("runtime", bases[host]);
            var assembly = Path.GetFileName(Projects[host]);
            Assert.Contains($"ENTRYPOINT [\"dotnet\", \"/app/{assembly}.dll\"]", body!, StringComparison.Ordinal);
            Assert.Contains($"/out/{assembly}/", body, StringComparison.Ordinal);
            Assert.Contains(Projects[host], stages["build"], StringComparison.Ordinal);
            var exposed = Regex.Match(body, @"EXPOSE (?<ports>[0-9 ]+)").Groups["ports"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Hosts.ExpectedPorts(host).Select(p => p.Number), exposed);

            var security = Hosts.Container(host).Map("securityContext");
            Assert.Equal(ImageUser.ToString(System.Globalization.CultureInfo.InvariantCulture), security.Str("runAsUser"));
            Assert.Equal(ImageUser.ToString(System.Globalization.CultureInfo.InvariantCulture), security.Str("runAsGroup"));
            Assert.Equal("true", security.Str("readOnlyRootFilesystem"));
        }
    }

    [Fact]
    public async Task EveryPublishedHostTurnsReadyOnAReadOnlyRootAsTheImagesUserWithOnlyItsManifestsEnvironment()
    {
        Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root",
            "This test makes a private mount namespace and drops to uid 1654, which needs root (the CI runs as root).");
        var work = Path.Combine(RepoRoot.Find(), ".local", "readonly-hosts", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var created = new List<string>();
        try
        {
            // The units service first, kept running: the gateway is ready only once it can read the token issuer's keys.
            await using var units = await StartAsync("units", work, created, running: new Dictionary<string, string>());
            var running = new Dictionary<string, string>(StringComparer.Ordinal) { ["units"] = units.BaseAddress };
            foreach (var host in Hosts.All.Where(h => h != "units"))
            {
                await using var started = await StartAsync(host, work, created, running);
            }

            units.AssertStillHealthy();
        }
        finally
        {
            foreach (var directory in Enumerable.Reverse(created))
            {
                Directory.Delete(directory);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<RunningHost> StartAsync(string host, string work, List<string> created, IReadOnlyDictionary<string, string> running)
    {
        var publish = Path.Combine(work, host);
        await PublishAsync(host, publish);
        var database = Hosts.Services.Contains(host) ? await infrastructure.Postgres.CreateDatabaseAsync($"ro_{host}") : null;
        var http = FreePort();
        var grpc = FreePort();
        var environment = EnvironmentFor(host, database, running, http, grpc);

        var script = new StringBuilder("set -e\n");
        // The publish folder is bound where nothing else can hide it (the repository may itself live under /tmp).
        script.Append("mount -t tmpfs -o size=16m tmpfs /mnt\nmkdir /mnt/app\n");
        script.Append($"mount --bind {Quote(publish)} /mnt/app\nmount -o remount,bind,ro /mnt/app\n");
        foreach (var volume in Volumes(host))
        {
            if (!Directory.Exists(volume.Path))
            {
                // An empty mount point on the real root (what the image's layers would carry); removed afterwards.
                foreach (var missing in MissingAncestors(volume.Path))
                {
                    Directory.CreateDirectory(missing);
                    created.Add(missing);
                }
            }

            script.Append($"mount -t tmpfs -o size=64m,mode={volume.Mode},uid=0,gid={ImageUser} tmpfs {Quote(volume.Path)}\n");
            foreach (var (name, content) in volume.Files)
            {
                var file = Path.Combine(volume.Path, name);
                script.Append($"printf '%s' {Quote(content)} > {Quote(file)}\nchown 0:{ImageUser} {Quote(file)}\nchmod {volume.FileMode} {Quote(file)}\n");
            }

            if (volume.ReadOnly)
            {
                script.Append($"mount -o remount,ro {Quote(volume.Path)}\n");
            }
        }

        // The root and every other writable mount read-only, as readOnlyRootFilesystem makes them in the pod.
        script.Append("mount -o remount,bind,ro /\nmount -o remount,bind,ro /dev/shm\nmount -o remount,ro /mnt\ncd /mnt/app\n");
        script.Append($"exec setpriv --reuid={ImageUser} --regid={ImageUser} --clear-groups --no-new-privs env -i");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            script.Append(' ').Append(Quote($"{name}={value}"));
        }

        script.Append(' ').Append(Quote(DotnetPath())).Append(' ').Append(Quote($"/mnt/app/{Path.GetFileName(Projects[host])}.dll")).Append('\n');

        var start = new ProcessStartInfo("unshare", ["--mount", "--propagation", "private", "--", "sh", "-c", script.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("unshare did not start");
        var result = new RunningHost(host, process, $"http://127.0.0.1:{http}");
        try
        {
            await result.WaitUntilHealthyAsync(ReadyWithin);
            result.AssertConfined();
            result.AssertStillHealthy();
            return result;
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }
    }

    /// <summary>The manifest's environment with its Secrets filled in, the image's own variables, and this machine's ports.</summary>
    private Dictionary<string, string> EnvironmentFor(string host, TestDatabase? database, IReadOnlyDictionary<string, string> running, int http, int grpc)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Set by the runtime image (mcr.microsoft.com/dotnet/aspnet) and deploy/images/Dockerfile.
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["HOME"] = "/home/app",
            ["APP_UID"] = ImageUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
            ["ASPNETCORE_HTTP_PORTS"] = string.Empty,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in Hosts.Environment(host))
        {
            environment[name] = value.FromSecret
                ? SecretValue(host, value.SecretName!, value.SecretKey!, database)
                : InCluster(value.Literal ?? throw new InvalidOperationException($"{host}: {name} has no value this test can give"), running);
        }

        Assert.True(environment.ContainsKey("Ports__Http"), $"{host}'s manifest sets no Ports__Http");
        environment["Ports__Http"] = http.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (environment.ContainsKey("Ports__Grpc"))
        {
            environment["Ports__Grpc"] = grpc.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return environment;
    }

    /// <summary>An in-cluster address (<c>http://units.duban.svc:8080</c>) of a host running here is its local one.</summary>
    private static string InCluster(string value, IReadOnlyDictionary<string, string> running) =>
        InClusterRegex().Replace(value, m => running.TryGetValue(m.Groups["host"].Value, out var local) && m.Groups["port"].Value == "8080" ? local : m.Value);

    private string SecretValue(string host, string secret, string key, TestDatabase? database)
    {
        TestDatabase Database() => database ?? throw new InvalidOperationException($"{host} reads {secret}, but owns no database");
        return (secret, key) switch
        {
            _ when secret == $"{host}-db-app" => Database().AppConnectionString,
            _ when secret == $"{host}-db-owner" => Database().OwnerConnectionString,
            ("duban-db-context-keys", _) when key == host => Database().ContextKey,
            ("rabbitmq-default-user", "connection_string") => IsolatedBroker(infrastructure.RabbitMq.ConnectionString),
            ("duban-service-clients", _) => ServiceClientSecret,
            _ => throw new InvalidOperationException($"{host} reads Secret {secret}/{key}, which this test does not know how to fill: add it here."),
        };
    }

    /// <summary>
    /// The test broker's vhost for whole hosts (<c>tests-hosts</c> beside <c>tests</c>, made by deploy/local/lib.sh): the
    /// hosts started here bind the same queue names as the other test assemblies' hosts and must not take their messages.
    /// </summary>
    private static string IsolatedBroker(string connectionString)
    {
        var broker = new UriBuilder(connectionString);
        var vhost = Uri.UnescapeDataString(broker.Path.Trim('/'));
        broker.Path = "/" + Uri.EscapeDataString((vhost.Length == 0 ? "tests" : vhost) + "-hosts");
        return broker.Uri.ToString();
    }

    private static readonly string ServiceClientSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The manifest's volume mounts as this test mounts them, with the files of Secret volumes.</summary>
    private static IEnumerable<Volume> Volumes(string host)
    {
        var volumes = Hosts.PodTemplate(host).Maps("spec", "volumes").ToDictionary(v => v.Str("name") ?? "", StringComparer.Ordinal);
        foreach (var mount in Hosts.Container(host).Maps("volumeMounts"))
        {
            var path = mount.Str("mountPath") ?? throw new InvalidOperationException($"{host}: a volume mount without a path");
            var volume = volumes[mount.Str("name") ?? ""];
            var readOnly = mount.Str("readOnly") == "true";
            if (volume.Has("secret"))
            {
                var secret = volume.Str("secret", "secretName");
                var files = volume.Maps("secret", "items").Select(item => (item.Str("path")!, SecretFile(host, secret!, item.Str("key")!))).ToList();
                var mode = volume.Str("secret", "defaultMode") ?? "0644";
                yield return new Volume(path, "0755", files, Convert.ToString(Convert.ToInt32(mode, 8), 8), readOnly);
            }
            else if (volume.Has("emptyDir"))
            {
                yield return new Volume(path, "1777", [], "0644", readOnly);
            }
            else if (volume.Has("persistentVolumeClaim"))
            {
                // A claim's volume belongs to the pod's fsGroup (1654), group-writable.
                yield return new Volume(path, "2775", [], "0644", readOnly);
            }
            else
            {
                throw new InvalidOperationException($"{host}: this test does not know the kind of volume {mount.Str("name")}.");
            }
        }
    }

    private static string SecretFile(string host, string secret, string key) => (secret, key) switch
    {
        ("duban-signing-key", "signing-key.pem") => SigningKey,
        _ => throw new InvalidOperationException($"{host} mounts {secret}/{key}, which this test does not know how to fill: add it here."),
    };

    private static readonly string SigningKey = RSA.Create(2048).ExportRSAPrivateKeyPem();

    private static async Task PublishAsync(string host, string output)
    {
        var project = Path.Combine(RepoRoot.Find(), Projects[host]);
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        // As the Dockerfile publishes, from the build the test run already made (publishing builds nothing new here).
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", output, "-p:UseAppHost=false", "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0,
            $"dotnet publish {Projects[host]} --no-build failed (build the solution with -c {configuration} first):\n{await stdout}\n{await stderr}");
        Assert.True(File.Exists(Path.Combine(output, Path.GetFileName(Projects[host]) + ".dll")), $"{host}: the publish folder has no entry assembly");
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path
        : Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "dotnet")).FirstOrDefault(File.Exists) ?? "dotnet";

    private static IEnumerable<string> MissingAncestors(string path)
    {
        var missing = new Stack<string>();
        for (var directory = path; !Directory.Exists(directory); directory = Path.GetDirectoryName(directory)!)
        {
            missing.Push(directory);
        }

        return missing;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^FROM (?<base>\S+) AS (?<name>[a-z]+)\n(?<body>(?:(?!FROM )[^\n]*\n)*)", RegexOptions.Multiline)]
    private static partial Regex StageRegex();

    [GeneratedRegex(@"http://(?<host>[a-z]+)\.duban\.svc:(?<port>[0-9]+)")]
    private static partial Regex InClusterRegex();

    private sealed record Volume(string Path, string Mode, IReadOnlyList<(string Name, string Content)> Files, string FileMode, bool ReadOnly);

    /// <summary>A host started by the test: its process, its log, its readiness.</summary>
    private sealed class RunningHost : IAsyncDisposable
    {
        private readonly string host;
        private readonly Process process;
        private readonly StringBuilder log = new();
        private readonly HttpClient http;

        public RunningHost(string host, Process process, string baseAddress)
        {
            this.host = host;
            this.process = process;
            BaseAddress = baseAddress;
            http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(5) };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string BaseAddress { get; }

        public async Task WaitUntilHealthyAsync(TimeSpan within)
        {
            var deadline = Stopwatch.StartNew();
            var last = "no answer";
            while (deadline.Elapsed < within)
            {
                Assert.False(process.HasExited, $"{host} exited ({(process.HasExited ? process.ExitCode : 0)}) before it was ready:\n{Tail()}");
                try
                {
                    using var answer = await http.GetAsync("/health");
                    last = $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
                    if (answer.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }
                catch (TaskCanceledException)
                {
                    last = "timed out";
                }

                await Task.Delay(500);
            }

            Assert.Fail($"{host} was not ready within {within.TotalSeconds:N0} s (last /health: {last}):\n{Tail()}");
        }

        /// <summary>The process runs as the image's user, on a read-only root, and wrote into no file it could not.</summary>
        public void AssertConfined()
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status");
            Assert.Contains(status, line => Regex.IsMatch(line, $@"^Uid:\s+{ImageUser}\s+{ImageUser}\s+{ImageUser}\s+{ImageUser}$"));
            Assert.Contains(status, line => Regex.IsMatch(line, $@"^Gid:\s+{ImageUser}\s+{ImageUser}\s+{ImageUser}\s+{ImageUser}$"));
            var root = File.ReadAllLines($"/proc/{process.Id}/mountinfo").Select(l => l.Split(' ')).Single(f => f[4] == "/");
            Assert.StartsWith("ro", root[5], StringComparison.Ordinal);
        }

        public void AssertStillHealthy()
        {
            Assert.False(process.HasExited, $"{host} exited:\n{Tail()}");
            string text;
            lock (log)
            {
                text = log.ToString();
            }

            foreach (var symptom in new[] { "Read-only file system", "UnauthorizedAccessException", "Permission denied" })
            {
                Assert.False(text.Contains(symptom, StringComparison.Ordinal), $"{host} hit '{symptom}' on its read-only root:\n{Tail()}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (log)
                {
                    log.AppendLine(line);
                }
            }
        }

        private string Tail()
        {
            lock (log)
            {
                var text = log.ToString();
                return text.Length > 6000 ? text[^6000..] : text;
            }
        }
    }
}
