using Platform.Units.Domain;

namespace Platform.Units.Grpc;

/// <summary>A page read by <see cref="AuditPages.ReadAsync"/>: its entries and the names of their subjects.</summary>
internal sealed record AuditPage<TEntry>(List<TEntry> Entries, Dictionary<Guid, string> Names, string NextPageToken)
    where TEntry : AuditEntry
{
    public string NameOf(Guid subject) => Names.GetValueOrDefault(subject, string.Empty);
}
