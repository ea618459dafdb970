using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;

namespace Platform.Messaging;

/// <summary>
/// The units' newest names a service was told of (<see cref="UnitNameRecord"/>): kept by version, and put back into
/// what arrives with older ones.
/// </summary>
public static class UnitNameLog
{
    /// <summary>
    /// Records the unit's name the event carries when the event is newer than what was recorded; true when the copies
    /// should take it (the first event of a unit, or a newer one).
    /// </summary>
    public static async Task<bool> NewerUnitNameAsync(
        this DbContext db, UnitChanged message, CancellationToken cancellationToken)
    {
        var known = await db.Set<UnitNameRecord>()
            .SingleOrDefaultAsync(u => u.UnitId == message.UnitId, cancellationToken);
        if (known is null)
        {
            db.Set<UnitNameRecord>().Add(new UnitNameRecord
            {
                UnitId = message.UnitId, TenantId = message.TenantId, Name = message.Name, Version = message.Version,
            });
            return true;
        }

        if (known.Version >= message.Version)
        {
            return false;
        }

        (known.Name, known.Version) = (message.Name, message.Version);
        return true;
    }

    /// <summary>The newest name this service knows of a unit, or <paramref name="fallback"/>.</summary>
    public static async Task<string> UnitNameAsync(
        this DbContext db, Guid unitId, string fallback, CancellationToken cancellationToken) =>
        await db.Set<UnitNameRecord>()
            .AsNoTracking()
            .Where(u => u.UnitId == unitId)
            .Select(u => u.Name)
            .SingleOrDefaultAsync(cancellationToken)
            ?? fallback;

    /// <summary>
    /// A list as published, its units named as the directory last told this service (a list may arrive after a rename).
    /// </summary>
    public static async Task<TaskListPublished> WithKnownNamesAsync(
        this DbContext db, TaskListPublished message, CancellationToken cancellationToken)
    {
        var names = await db.Set<UnitNameRecord>().AsNoTracking().Where(u => u.TenantId == message.TenantId)
            .ToDictionaryAsync(u => u.UnitId, u => u.Name, cancellationToken);
        if (names.Count == 0)
        {
            return message;
        }

        AssignedUnit Named(AssignedUnit unit) => names.TryGetValue(unit.UnitId, out var name)
            ? unit with { Name = name }
            : unit;
        return message with
        {
            Tasks = message.Tasks.Select(t => t with
            {
                LeadUnits = t.LeadUnits.Select(Named).ToList(),
                ResponsibleUnits = t.ResponsibleUnits.Select(Named).ToList(),
            }).ToList(),
        };
    }
}
