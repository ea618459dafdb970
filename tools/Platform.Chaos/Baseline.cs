namespace Platform.Chaos;

/// <summary>
/// Where things stood when an experiment began: review notices already written and returns already made.
/// </summary>
public sealed record Baseline(
    Dictionary<(Guid Recipient, Guid Task, string Kind), long> Notices, Dictionary<Guid, long> Returns, long Parked);
