using Platform.Contracts.Events;

namespace Platform.Messaging;

/// <summary>
/// A merge of two units a service was told of (<see cref="UnitChangeKind.Merged"/>), kept so that an event naming the
/// merged unit that arrives after the merge — a list published just before it, a backlog, a replay — is applied to the
/// unit that took it over. Each service that copies who leads a task keeps its own (table <c>unit_merges</c>).
/// </summary>
public sealed class UnitMergeRecord : UnitRecord
{
    public Guid IntoId { get; set; }

    public required string IntoName { get; set; }

    public DateTimeOffset MergedAt { get; set; }
}
