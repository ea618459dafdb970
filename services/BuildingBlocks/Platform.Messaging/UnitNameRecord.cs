using Platform.Contracts.Events;

namespace Platform.Messaging;

/// <summary>
/// The newest name of a directory unit a service was told of, by the directory's own version (table <c>unit_names</c>),
/// so that an older <see cref="UnitChanged"/> arriving late — another queue, a redelivery, a replay — never brings back
/// an old name in the service's copies.
/// </summary>
public sealed class UnitNameRecord : UnitRecord
{
    public required string Name { get; set; }

    public int Version { get; set; }
}
