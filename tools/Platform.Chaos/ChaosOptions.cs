using System.Globalization;

namespace Platform.Chaos;

/// <summary>
/// What deploy/local/chaos.sh passes: where the chaos stack is, how to act on it, and how hard to push.
/// </summary>
public sealed record ChaosOptions(
    Uri Gateway,
    Uri ReportingHost,
    Uri NotificationsHost,
    IReadOnlyDictionary<string, Uri> Hosts,
    string Postgres,
    string ControlScript,
    bool Ci,
    int Repeats,
    string? Only)
{
    public const string Tenant = "500103";
    public const string Period = "2023-07";
    public const string Office = "yz.admin";
    public const string Password = "demo";

    public TimeSpan WarmUp => Ci ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(20);

    /// <summary>How long a killed process stays down before it is restarted.</summary>
    public TimeSpan Down => Ci ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);

    /// <summary>How long the notifications database refuses connections, and the consumer stays paused.</summary>
    public TimeSpan Outage => Ci ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(60);

    /// <summary>Load after the fault ends, at most: until every worker has had a write acknowledged again.</summary>
    public TimeSpan Tail => Ci ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(45);

    /// <summary>Recovery must converge within this, or the experiment fails.</summary>
    public TimeSpan RecoveryBound => Ci ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds(180);

    public int Workers => Ci ? 3 : 4;

    /// <summary>Pause between one worker's requests, so that two cores keep up with the load and the faults.</summary>
    public TimeSpan Think => Ci ? TimeSpan.FromMilliseconds(60) : TimeSpan.FromMilliseconds(40);

    public static ChaosOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required");
        var hosts = Required("--hosts").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.Split('=', 2)).ToDictionary(h => h[0], h => new Uri(h[1]), StringComparer.Ordinal);
        var ci = args.Contains("--ci")
            || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return new ChaosOptions(
            new Uri(Required("--gateway")),
            hosts["reporting"],
            hosts["notifications"],
            hosts,
            Required("--postgres"),
            Required("--control"),
            ci,
            Value("--repeats") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1,
            Value("--only"));
    }
}
