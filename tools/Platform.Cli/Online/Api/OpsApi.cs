namespace Platform.Cli.Online.Api;

/// <summary>
/// The answers of /api/v1/ops: a service's queues, what a re-drive moved back, what a replay published.
/// </summary>
internal static class OpsApi
{
    public sealed record QueueDepth(string Queue = "", long Ready = 0, long Error = 0, long Skipped = 0);

    public sealed record ServiceQueues(string Service = "")
    {
        public IReadOnlyList<QueueDepth> Queues { get; init; } = [];
    }

    public sealed record MovedBack(string Queue = "", long Moved = 0);

    public sealed record ServiceRedriven(string Service = "")
    {
        public IReadOnlyList<MovedBack> Moved { get; init; } = [];
    }

    public sealed record Replay
    {
        public IReadOnlyDictionary<string, long> Replayed { get; init; } = new Dictionary<string, long>();
    }
}
