using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Errors;
using Platform.Units.Domain;

namespace Platform.Units.Grpc;

/// <summary>Reads the audit logs the district office pages through (a unit's, an account's) the same way.</summary>
internal static class AuditPages
{
    /// <summary>
    /// One page of an audit log, newest first, with the current name of each entry's subject (a unit's name,
    /// an account's username).
    /// </summary>
    public static async Task<AuditPage<TEntry>> ReadAsync<TEntry>(
        IQueryable<TEntry> query,
        Paging paging,
        Func<TEntry, Guid> subject,
        Func<HashSet<Guid>, CancellationToken, Task<Dictionary<Guid, string>>> names,
        CancellationToken cancellationToken)
        where TEntry : AuditEntry
    {
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(paging.Offset)
            .Take(paging.Size)
            .ToListAsync(cancellationToken);
        var subjects = await names(page.Select(subject).ToHashSet(), cancellationToken);
        return new AuditPage<TEntry>(page, subjects, paging.NextToken(page.Count, total));
    }
}
