using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Data;
using Platform.Units.Domain;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

public sealed class UnitDirectoryService(UnitsDbContext db, ITenantContext caller, IOutbox outbox, TimeProvider clock)
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
            query = query.Where(u => u.NormalizedName.Contains(text) || u.Aliases.Any(a => a.NormalizedAlias.Contains(text)));
        }

        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderBy(u => u.Name).ThenBy(u => u.Id).Skip(paging.Offset).Take(paging.Size).AsSplitQuery().ToListAsync(context.CancellationToken);

        var response = new V1.ListUnitsResponse { TotalSize = total };
        response.Units.AddRange(page.Select(u => u.ToProto()));
        response.NextPageToken = paging.NextToken(page.Count, total);

        return response;
    }

    public override async Task<V1.Unit> GetUnit(V1.GetUnitRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.UnitsRead);
        return (await FindAsync(request.Id, context.CancellationToken)).ToProto();
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

        await EnsureNamesFreeAsync(unit, [unit.NormalizedName, .. unit.Aliases.Select(a => a.NormalizedAlias)], context.CancellationToken);
        db.Units.Add(unit);
        Publish(unit, UnitChangeKind.Created, null, now);
        await SaveAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.Unit> RenameUnit(V1.RenameUnitRequest request, ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        var unit = await FindAsync(request.Id, context.CancellationToken);
        var now = clock.GetUtcNow();
        var previous = unit.Rename(request.Name, !request.HasKeepOldNameAsAlias || request.KeepOldNameAsAlias, now);
        await EnsureNamesFreeAsync(unit, [unit.NormalizedName], context.CancellationToken);
        Publish(unit, UnitChangeKind.Renamed, previous, now);
        await SaveAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.Unit> AddUnitAlias(V1.AddUnitAliasRequest request, ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        var unit = await FindAsync(request.Id, context.CancellationToken);
        var now = clock.GetUtcNow();
        unit.AddAlias(request.Alias, now);
        await EnsureNamesFreeAsync(unit, [UnitNames.Normalize(request.Alias)], context.CancellationToken);
        Publish(unit, UnitChangeKind.AliasAdded, null, now);
        await SaveAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.Unit> SetGroupMembers(V1.SetGroupMembersRequest request, ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        var unit = await FindAsync(request.Id, context.CancellationToken);
        var now = clock.GetUtcNow();
        unit.SetMembers(await MembersAsync(request.MemberIds, context.CancellationToken), now);
        Publish(unit, UnitChangeKind.MembersChanged, null, now);
        await SaveAsync(context.CancellationToken);
        return unit.ToProto();
    }

    public override async Task<V1.ResolveUnitNamesResponse> ResolveUnitNames(V1.ResolveUnitNamesRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.UnitsRead);
        var tenantId = caller.ReadTenant(null);
        if (request.Names.Count == 0)
        {
            throw new ValidationException("names", "give at least one name");
        }

        if (request.Names.Count > MaxResolveNames)
        {
            throw new ValidationException("names", $"at most {MaxResolveNames} names per call (got {request.Names.Count})");
        }

        if (request.Names.FirstOrDefault(n => n.Length > 200) is { } tooLong)
        {
            throw new ValidationException("names", $"a name must be at most 200 characters ('{tooLong[..20]}…')");
        }

        var units = await db.Units.Include(u => u.Aliases).Where(u => u.TenantId == tenantId).AsSplitQuery().ToListAsync(context.CancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, context.CancellationToken);
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
            proto.Suggestions.AddRange(result.Suggestions.Select(s => new V1.UnitSuggestion { UnitId = s.Id.ToString(), Name = s.Name }));
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
        var found = await db.Units.Where(u => parsed.Contains(u.Id) && u.TenantId == caller.TenantId).Select(u => u.Id).ToListAsync(cancellationToken);
        var missing = parsed.Except(found).ToList();
        return missing.Count == 0 ? parsed : throw new NotFoundException("unit", missing[0].ToString());
    }

    /// <summary>A name or alias names one unit of a tenant: no other unit may already use it as either.</summary>
    private async Task EnsureNamesFreeAsync(Unit unit, IReadOnlyCollection<string> normalized, CancellationToken cancellationToken)
    {
        var taken = await db.Units.Where(u => u.Id != unit.Id && u.TenantId == unit.TenantId && normalized.Contains(u.NormalizedName))
            .Select(u => u.Name)
            .Concat(db.UnitAliases.Where(a => a.UnitId != unit.Id && a.TenantId == unit.TenantId && normalized.Contains(a.NormalizedAlias)).Select(a => a.Alias))
            .OrderBy(n => n)
            .FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw new ConflictException($"'{taken}' is already the name or an alias of another unit.");
        }
    }

    private void Publish(Unit unit, UnitChangeKind change, string? previousName, DateTimeOffset now) =>
        outbox.Enqueue(Changed(unit, change, previousName, now));

    /// <summary>The integration event of a unit's current state (also what an operator's replay publishes).</summary>
    internal static UnitChanged Changed(Unit unit, UnitChangeKind change, string? previousName, DateTimeOffset now) =>
        new()
        {
            TenantId = unit.TenantId,
            UnitId = unit.Id,
            Change = change,
            Name = unit.Name,
            PreviousName = previousName,
            Aliases = unit.Aliases.Select(a => a.Alias).ToList(),
            IsGroup = unit.Kind == UnitKind.Group,
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
            throw new PreconditionException("The unit was changed by someone else at the same time; reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("That name or alias is already used by a unit of this district.");
        }
    }
}
