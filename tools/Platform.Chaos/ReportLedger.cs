namespace Platform.Chaos;

/// <summary>What the load knows of one report: the last state it saw acknowledged (or read back), and the writes whose
/// outcome it does not know (a timeout, a 5xx, a dropped connection), any of which may have been applied.</summary>
public sealed class ReportLedger(TrackedReport report, ReportState initial, string? initialMarker)
{
    // A request still running in a server when its caller gave up can commit for about this long afterwards (the hosts'
    // database command timeout): its result stays an allowed outcome for that long after a later observation.
    private static readonly TimeSpan LateCommit = TimeSpan.FromSeconds(60);

    private readonly List<(DateTimeOffset SentAt, ReportState State, string? Marker)> ambiguous = [];
    private readonly Lock gate = new();

    public TrackedReport Report => report;

    public ReportState Known { get; private set; } = initial;

    /// <summary>The marker of the last save known to be stored (acknowledged or read back).</summary>
    public string? KnownMarker { get; private set; } = initialMarker;

    public DateTimeOffset KnownAt { get; private set; } = DateTimeOffset.UtcNow;

    public int Cycles { get; set; }

    public void Acknowledged(ReportState state, string? marker)
    {
        lock (gate)
        {
            Known = state;
            KnownMarker = marker ?? KnownMarker;
            KnownAt = DateTimeOffset.UtcNow;
        }
    }

    public void Unknown(DateTimeOffset sentAt, ReportState state, string? marker)
    {
        lock (gate)
        {
            ambiguous.Add((sentAt, state, marker));
        }
    }

    /// <summary>Whether what the service holds is what was acknowledged, or what an unanswered write may have made it;
    /// the reason when not.</summary>
    public string? Mismatch(ReportState stored, string storedText)
    {
        lock (gate)
        {
            var possible = ambiguous.Where(a => a.SentAt >= KnownAt - LateCommit).ToList();
            var problems = new List<string>();
            if (stored != Known && possible.All(a => a.State != stored))
            {
                problems.Add($"state {stored}, acknowledged {Known}");
            }

            var storedMarker = Markers.Find(storedText);
            if (KnownMarker is not null
                && storedMarker != KnownMarker
                && possible.All(a => a.Marker is null || a.Marker != storedMarker))
            {
                problems.Add($"text {storedMarker ?? "without a marker"}, acknowledged {KnownMarker}");
            }

            return problems.Count == 0 ? null : string.Join("; ", problems);
        }
    }

    /// <summary>Takes what the service holds as the new starting point (after a check).</summary>
    public void Observed(ReportState stored, string storedText)
    {
        lock (gate)
        {
            Known = stored;
            KnownMarker = Markers.Find(storedText) ?? KnownMarker;
            KnownAt = DateTimeOffset.UtcNow;
        }
    }
}
