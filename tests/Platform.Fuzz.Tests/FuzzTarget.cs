using System.Net;
using System.Text;
using Platform.Testing;

namespace Platform.Fuzz.Tests;

/// <summary>
/// The stack under fuzzing, with a district of its own (沙坪坝区 500106, under 重庆市) and its office account, so that
/// whatever a hostile request manages to change stays out of the demo districts other tests read. Platform-level
/// methods are also sent as the platform admin. Knows where the hosts write their logs, to prove that no request
/// ended in an unhandled exception.
/// </summary>
public sealed class FuzzTarget : IAsyncLifetime
{
    public const string Tenant = "500106";
    public const string OfficeUser = "fuzz.office";
    private const string OfficePassword = "Fuzz-office-2026";

    private static readonly string[] Hosts = ["units", "tasks", "reporting", "notifications", "gateway"];

    /// <summary>
    /// What the hosts log, as an error, for a request that failed inside them (a refused input is logged at most as
    /// information, e.g. JSON transcoding's "Error reading message").
    /// </summary>
    private static readonly string[] FaultMarkers =
    [
        "Unexpected failure in", "An unhandled exception has occurred", "Error when executing service method", "Unhandled exception",
    ];

    private readonly Dictionary<string, long> logOffsets = [];

    public FuzzClient Client { get; } = new();

    public string OfficeToken { get; private set; } = string.Empty;

    public string AdminToken { get; private set; } = string.Empty;

    /// <summary>Case count per RPC and protocol beyond the field-by-field sweep (DUBAN_FUZZ_ROUNDS; 20 by default, CI's bound).</summary>
    public static int RandomRounds => int.TryParse(Environment.GetEnvironmentVariable("DUBAN_FUZZ_ROUNDS"), out var n) && n >= 0 ? n : 20;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("DUBAN_FUZZ_SEED"), out var n) ? n : 20261129;

    public async Task InitializeAsync()
    {
        AdminToken = await Client.TokenAsync("platform.admin", "demo");
        await IgnoreConflict(() => Client.PostJsonAsync("/api/v1/tenants", AdminToken, new { id = Tenant, name = "沙坪坝区", parentId = "500000" }));
        await IgnoreConflict(() => Client.PostJsonAsync("/api/v1/accounts", AdminToken, new
        {
            username = OfficeUser, displayName = "沙坪坝区营商办 (fuzz)", tenantId = Tenant, roles = new[] { "district-admin" }, password = OfficePassword,
        }));
        OfficeToken = await Client.TokenAsync(OfficeUser, OfficePassword);
        foreach (var host in Hosts)
        {
            logOffsets[host] = LogFile(host) is { Exists: true } file ? file.Length : 0;
        }
    }

    /// <summary>Lines the hosts logged since the fuzzing began that show a request failing inside a service.</summary>
    public List<string> FaultsLogged()
    {
        var found = new List<string>();
        foreach (var host in Hosts)
        {
            if (LogFile(host) is not { Exists: true } file)
            {
                continue;
            }

            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(logOffsets.GetValueOrDefault(host), stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                var isError = line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal);
                if (isError && FaultMarkers.Any(m => line.Contains(m, StringComparison.Ordinal)))
                {
                    found.Add($"{host}: {(line.Length > 400 ? line[..400] : line)}");
                }
            }
        }

        return found;
    }

    /// <summary>The logs directory (DUBAN_TEST_LOGS, set by deploy/local/test.sh); without it the log check is skipped.</summary>
    public static string? LogDirectory => Environment.GetEnvironmentVariable("DUBAN_TEST_LOGS") is { Length: > 0 } dir ? dir : null;

    private static FileInfo? LogFile(string host) => LogDirectory is { } dir ? new FileInfo(Path.Combine(dir, host + ".log")) : null;

    private static async Task IgnoreConflict(Func<Task> create)
    {
        try
        {
            await create();
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // A rerun against the same stack: the district and its office exist already.
        }
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }
}
