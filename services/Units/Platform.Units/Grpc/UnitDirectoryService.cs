using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Time;
using Platform.Units.Data;
using Platform.Units.Domain;
using Platform.Units.Identity;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

public sealed partial class UnitDirectoryService(
    UnitsDbContext db,
    ITenantContext caller,
    IOutbox outbox,
    TimeProvider clock,
    AccountChanges changes,
    IOptions<IdentityOptions> identity)
    : V1.UnitDirectory.UnitDirectoryBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;
    private const int MaxResolveNames = 500;

    public override async Task<V1.ListUnitsResponse> ListUnits(V1.ListUnitsRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.UnitsRead);
        var tenant = caller.ReadTenant(request.TenantId);
        var paging = Paging.From(request.PageSize, request.PageToken, DefaultPageSize, MaxPageSize);
        if (request.Query.Length > UnitNames.MaxLength)
        {
            throw new ValidationException("query", $"must be at most {UnitNames.MaxLength} characters");
        }

        var query = db.Units.Include(u => u.Aliases).Where(u => u.TenantId == tenant);
        if (request.Kind != V1.UnitKind.Unspecified)
        {
            var kind = request.Kind.ToDomain();
            query = query.Where(u => u.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var text = UnitNames.Normalize(request.Query);
            query = query.Where(u => u.NormalizedName.Contains(text)
                || u.Aliases.Any(a => a.NormalizedAlias.Contains(text)));
        }

        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderBy(u => u.Name)
            .ThenBy(u => u.Id)
            .Skip(paging.Offset)
            .Take(paging.Size)
            .AsSplitQuery()
            .ToListAsync(context.CancellationToken);

        var response = new V1.ListUnitsResponse { TotalSize = total };
        var open = await OpenTaskCountsAsync(tenant!, page.Select(u => u.Id).ToList(), context.CancellationToken);
        response.Units.AddRange(page.Select(u => WithOpenTasks(u.ToProto(), open)));
        response.NextPageToken = paging.NextToken(page.Count, total);

        return response;
    }

    public override async Task<V1.Unit> GetUnit(V1.GetUnitRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.UnitsRead);
        var unit = await FindAsync(request.Id, context.CancellationToken);
        return WithOpenTasks(
            unit.ToProto(),
            await OpenTaskCountsAsync(unit.TenantId, [unit.Id], context.CancellationToken));
    }

    public override async Task<V1.Unit> CreateUnit(V1.CreateUnitRequest request, ServerCallContext context)
    {
        var tenant = caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        if (request.Aliases.Count > Unit.MaxAliases)
        {
            throw new ValidationException("aliases", $"at most {Unit.MaxAliases}");
        }

        var now = clock.GetUtcNow();
        var unit = Unit.Create(tenant, request.Name, request.Kind.ToDomain(), request.Aliases, now);

        if (request.MemberIds.Count > 0)
        {
            unit.SetMembers(await MembersAsync(request.MemberIds, context.CancellationToken), now);
        }

        await EnsureNamesFreeAsync(
            unit,
            [unit.NormalizedName, .. unit.Aliases.Select(a => a.NormalizedAlias)],
            context.CancellationToken);
        db.Units.Add(unit);
        Record(unit, UnitChangeKind.Created, UnitActions.Created, null, null, now);
        await SaveAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.Unit> RenameUnit(V1.RenameUnitRequest request, ServerCallContext context)
    {
        var change = await BeginChangeAsync(request.Id, context.CancellationToken);
        var keepOldName = !request.HasKeepOldNameAsAlias || request.KeepOldNameAsAlias;
        var previous = change.Unit.Rename(request.Name, keepOldName, change.Now);
        await EnsureNamesFreeAsync(change.Unit, [change.Unit.NormalizedName], context.CancellationToken);
        return await CommitAsync(change, UnitChangeKind.Renamed, UnitActions.Renamed, previous);
    }

    public override async Task<V1.Unit> AddUnitAlias(V1.AddUnitAliasRequest request, ServerCallContext context)
    {
        var change = await BeginChangeAsync(request.Id, context.CancellationToken);
        change.Unit.AddAlias(request.Alias, change.Now);
        await EnsureNamesFreeAsync(change.Unit, [UnitNames.Normalize(request.Alias)], context.CancellationToken);
        return await CommitAsync(change, UnitChangeKind.AliasAdded, UnitActions.AliasAdded);
    }

    public override async Task<V1.Unit> SetGroupMembers(V1.SetGroupMembersRequest request, ServerCallContext context)
    {
        var change = await BeginChangeAsync(request.Id, context.CancellationToken);
        change.Unit.SetMembers(await MembersAsync(request.MemberIds, context.CancellationToken), change.Now);
        return await CommitAsync(change, UnitChangeKind.MembersChanged, UnitActions.MembersChanged);
    }

    public override async Task<V1.Unit> RemoveUnitAlias(V1.RemoveUnitAliasRequest request, ServerCallContext context)
    {
        var change = await BeginChangeAsync(request.Id, context.CancellationToken);
        change.Unit.RemoveAlias(request.Alias, change.Now);
        return await CommitAsync(change, UnitChangeKind.AliasRemoved, UnitActions.AliasRemoved);
    }

    public override async Task<V1.Unit> RetireUnit(V1.UnitActionRequest request, ServerCallContext context)
    {
        var change = await BeginChangeAsync(request.Id, context.CancellationToken);
        var (unit, now) = (change.Unit, change.Now);
        var open = await OpenAssignmentsAsync(unit, now, context.CancellationToken);
        if (open.Count > 0)
        {
            const int named = 10;
            var list = string.Join("; ", open.Take(named).Select(a =>
                $"{a.Year} list task {a.Number} ({(a.Lead ? "leads" : "shares")}: {a.Text})"));
            var more = open.Count > named ? "; …" : string.Empty;
            throw new PreconditionException(
                $"'{unit.Name}' still has {open.Count} task(s) in a list in force: {list}{more}. " +
                "Reassign them (edit the list and publish a new version), then retire the unit.");
        }

        unit.Retire(now);
        return await CommitAsync(change, UnitChangeKind.Retired, UnitActions.Retired);
    }

    public override async Task<V1.Unit> ReinstateUnit(V1.UnitActionRequest request, ServerCallContext context)
    {
        var change = await BeginChangeAsync(request.Id, context.CancellationToken);
        change.Unit.Reinstate(change.Now);
        return await CommitAsync(change, UnitChangeKind.Reinstated, UnitActions.Reinstated);
    }

    /// <summary>
    /// A district writer's change of one unit starts here: the unit as it was, and the time of the change.
    /// </summary>
    private async Task<PendingChange> BeginChangeAsync(string id, CancellationToken cancellationToken)
    {
        caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        var unit = await FindAsync(id, cancellationToken);
        return new PendingChange(unit, UnitAuditEntry.Snapshot(unit), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Ends a change begun by <see cref="BeginChangeAsync"/>: its audit entry and event, saved with the unit.
    /// </summary>
    private async Task<V1.Unit> CommitAsync(
        PendingChange change, UnitChangeKind kind, string action, string? previousName = null)
    {
        Record(change.Unit, kind, action, change.Before, previousName, change.Now);
        await SaveAsync(change.CancellationToken);
        return change.Unit.ToProto();
    }

    /// <summary>A change under way: the unit, its snapshot before, the change's time and the call's token.</summary>
    private sealed record PendingChange(
        Unit Unit, string Before, DateTimeOffset Now, CancellationToken CancellationToken);

    public override async Task<V1.ListUnitAuditResponse> ListUnitAudit(
        V1.ListUnitAuditRequest request,
        ServerCallContext context)
    {
        caller.Require(PlatformScopes.UnitsRead);
        var tenant = caller.ReadTenant(null);
        var paging = Paging.From(request.PageSize, request.PageToken, DefaultPageSize, MaxPageSize);
        var query = db.UnitAudit.AsNoTracking().Where(e => e.TenantId == tenant);
        if (!string.IsNullOrEmpty(request.UnitId))
        {
            var unitId = Caller.ParseId(request.UnitId, "unit_id", "unit");
            query = query.Where(e => e.UnitId == unitId);
        }

        var audit = await AuditPages.ReadAsync(
            query,
            paging,
            e => e.UnitId,
            (ids, cancellationToken) => db.Units.AsNoTracking()
                .Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken),
            context.CancellationToken);
        var response = new V1.ListUnitAuditResponse { NextPageToken = audit.NextPageToken };
        response.Entries.AddRange(audit.Entries.Select(e => new V1.UnitAuditEntry
        {
            UnitId = e.UnitId.ToString(),
            UnitName = audit.NameOf(e.UnitId),
            Action = e.Action,
            Actor = e.Actor,
            At = Timestamp.FromDateTimeOffset(e.At),
            Before = e.Before ?? string.Empty,
            After = e.After ?? string.Empty,
        }));
        return response;
    }

    /// <summary>
    /// The tasks a unit leads or shares in the lists in force, as the tasks service announced them (the newest version
    /// of each year's list): this year's and later ones, and while this year has no list, the last one before it — a
    /// district works on its last list until the next one is published.
    /// </summary>
    private async Task<List<UnitAssignment>> OpenAssignmentsAsync(
        Unit unit,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await Open(unit.TenantId, now)
            .Where(a => a.UnitId == unit.Id)
            .OrderBy(a => a.Year)
            .ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The district's assignments in the lists in force, as one query (the years are decided in SQL).
    /// </summary>
    private IQueryable<UnitAssignment> Open(string tenantId, DateTimeOffset now)
    {
        var ofTenant = db.UnitAssignments.AsNoTracking().Where(a => a.TenantId == tenantId);
        var thisYear = ChinaTime.Local(now).Year;
        return ofTenant.Where(a => a.Year >= thisYear
            || (!ofTenant.Any(x => x.Year == thisYear)
                && a.Year == ofTenant.Where(x => x.Year < thisYear).Max(x => (int?)x.Year)));
    }

    private async Task<Dictionary<Guid, int>> OpenTaskCountsAsync(
        string tenantId,
        List<Guid> unitIds,
        CancellationToken cancellationToken) =>
        await Open(tenantId, clock.GetUtcNow()).Where(a => unitIds.Contains(a.UnitId))
            .GroupBy(a => a.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static V1.Unit WithOpenTasks(V1.Unit unit, Dictionary<Guid, int> open)
    {
        unit.OpenTaskCount = open.GetValueOrDefault(Guid.Parse(unit.Id));
        return unit;
    }

    public override async Task<V1.ResolveUnitNamesResponse> ResolveUnitNames(
        V1.ResolveUnitNamesRequest request,
        ServerCallContext context)
    {
        caller.Require(PlatformScopes.UnitsRead);
        var tenantId = caller.ReadTenant(null);
        if (request.Names.Count == 0)
        {
            throw new ValidationException("names", "give at least one name");
        }

        if (request.Names.Count > MaxResolveNames)
        {
            throw new ValidationException(
                "names",
                $"at most {MaxResolveNames} names per call (got {request.Names.Count})");
        }

        if (request.Names.FirstOrDefault(n => n.Length > 200) is { } tooLong)
        {
            throw new ValidationException("names", $"a name must be at most 200 characters ('{tooLong[..20]}…')");
        }

        // A retired unit takes no new assignment: no printed name resolves to it, and it is never suggested.
        var units = await db.Units
            .Include(u => u.Aliases)
            .Where(u => u.TenantId == tenantId && u.RetiredAt == null)
            .AsSplitQuery()
            .ToListAsync(context.CancellationToken);
        var tenant = await db.Tenants
            .AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == tenantId, context.CancellationToken);
        var parent = tenant?.ParentId is { } parentId
            ? await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == parentId, context.CancellationToken)
            : null;
        var resolver = new UnitNameResolver(units, tenant?.Name, parent?.Name);

        var response = new V1.ResolveUnitNamesResponse();
        foreach (var name in request.Names)
        {
            var result = resolver.Resolve(name);
            var proto = new V1.ResolvedName
            {
                Name = name,
                Resolved = result.Unit is not null,
                Unit = result.Unit?.ToProto(),
                Match = result.Match switch
                {
                    NameMatch.Name => V1.MatchKind.Name,
                    NameMatch.Alias => V1.MatchKind.Alias,
                    NameMatch.Normalized => V1.MatchKind.Normalized,
                    _ => V1.MatchKind.Unspecified,
                },
            };
            proto.Suggestions.AddRange(
                result.Suggestions.Select(s => new V1.UnitSuggestion { UnitId = s.Id.ToString(), Name = s.Name }));
            response.Results.Add(proto);
        }

        response.UnresolvedCount = response.Results.Count(r => !r.Resolved);
        return response;
    }

    private async Task<Unit> FindAsync(string id, CancellationToken cancellationToken)
    {
        var unitId = Caller.ParseId(id, "id", "unit");
        return await db.Units.Include(u => u.Aliases).SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken)
            ?? throw new NotFoundException("unit", id);
    }

    private async Task<List<Guid>> MembersAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var parsed = ids.Select(id => Caller.ParseId(id, "member_ids", "unit")).Distinct().ToList();
        var found = await db.Units
            .Where(u => parsed.Contains(u.Id) && u.TenantId == caller.TenantId)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var missing = parsed.Except(found).ToList();
        return missing.Count == 0 ? parsed : throw new NotFoundException("unit", missing[0].ToString());
    }

    /// <summary>A name or alias names one unit of a tenant: no other unit may already use it as either.</summary>
    private async Task EnsureNamesFreeAsync(
        Unit unit,
        IReadOnlyCollection<string> normalized,
        CancellationToken cancellationToken)
    {
        var taken = await db.Units.Where(u => u.Id != unit.Id
            && u.TenantId == unit.TenantId
            && normalized.Contains(u.NormalizedName))
            .Select(u => u.Name)
            .Concat(db.UnitAliases.Where(a => a.UnitId != unit.Id
                && a.TenantId == unit.TenantId
                && normalized.Contains(a.NormalizedAlias)).Select(a => a.Alias))
            .OrderBy(n => n)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw new ConflictException($"'{taken}' is already the name or an alias of another unit.");
        }
    }

    /// <summary>One change of a unit: its audit entry and its event, saved with the unit in one transaction.</summary>
    private void Record(
        Unit unit,
        UnitChangeKind change,
        string action,
        string? before,
        string? previousName,
        DateTimeOffset now,
        string? mergedIntoName = null)
    {
        db.UnitAudit.Add(new UnitAuditEntry
        {
            TenantId = unit.TenantId, UnitId = unit.Id, Action = action, Actor = caller.UserId ?? "system", At = now,
            Before = before, After = UnitAuditEntry.Snapshot(unit),
        });
        outbox.Enqueue(Changed(unit, change, previousName, now, mergedIntoName));
    }

    /// <summary>The integration event of a unit's current state (also what an operator's replay publishes).</summary>
    internal static UnitChanged Changed(
        Unit unit,
        UnitChangeKind change,
        string? previousName,
        DateTimeOffset now,
        string? mergedIntoName = null) =>
        new()
        {
            TenantId = unit.TenantId,
            UnitId = unit.Id,
            Change = change,
            Name = unit.Name,
            PreviousName = previousName,
            Aliases = unit.Aliases.Select(a => a.Alias).ToList(),
            IsGroup = unit.Kind == UnitKind.Group,
            RetiredAt = unit.RetiredAt,
            MergedIntoId = unit.MergedIntoId,
            MergedIntoName = mergedIntoName,
            Version = unit.Version,
            OccurredAt = now,
        };

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionException(
                "The unit was changed by someone else at the same time; reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException("That name or alias is already used by a unit of this district.");
        }
    }
}
