namespace Platform.Chaos;

/// <summary>
/// One report the load writes: a task, July 2023 and its only lead unit, with the reporter who writes it.
/// </summary>
public sealed record TrackedReport(Guid TaskId, string TaskNumber, Guid LeadUnitId, string Reporter, string Experiment)
{
    public string Path => $"/api/v1/reports/{TaskId}/{ChaosOptions.Period}";
}
