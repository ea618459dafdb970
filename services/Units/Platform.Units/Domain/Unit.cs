using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Units.Domain;

/// <summary>
/// A government body of a tenant (区市场监管局), or a group name used in documents (各街道办事处).
/// </summary>
public sealed class Unit : ITenantEntity
{
    public const int MaxAliases = 50;
    public const int MaxMembers = 500;

    private readonly List<UnitAlias> aliases = [];

    private Unit()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public string NormalizedName { get; private set; } = null!;

    public UnitKind Kind { get; private set; }

    public List<Guid> MemberIds { get; private set; } = [];

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the office retired the unit: it keeps its history and names but takes no new assignment.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>The unit this one was merged into: its names, people and work now belong to that unit.</summary>
    public Guid? MergedIntoId { get; private set; }

    public IReadOnlyList<UnitAlias> Aliases => aliases;

    public static Unit Create(
        string tenantId,
        string name,
        UnitKind kind,
        IEnumerable<string> aliases,
        DateTimeOffset now)
    {
        ThrowIfInvalid("name", name);
        var trimmed = name.Trim();
        var unit = new Unit
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Name = trimmed,
            NormalizedName = UnitNames.Normalize(trimmed),
            Kind = kind,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var alias in aliases)
        {
            unit.AddAlias(alias, now);
        }

        unit.Version = 1;
        return unit;
    }

    /// <summary>Renames; the old name stays an alias so documents that print it still resolve.</summary>
    public string Rename(string name, bool keepOldNameAsAlias, DateTimeOffset now)
    {
        ThrowIfInvalid("name", name);
        var trimmed = name.Trim();
        var previous = Name;
        if (UnitNames.Normalize(trimmed) == NormalizedName)
        {
            throw new ValidationException("name", $"is already the unit's name ('{previous}')");
        }

        if (keepOldNameAsAlias)
        {
            AddAliasCore(previous, now);
        }

        aliases.RemoveAll(a => a.NormalizedAlias == UnitNames.Normalize(trimmed));
        Name = trimmed;
        NormalizedName = UnitNames.Normalize(trimmed);
        Touch(now);
        return previous;
    }

    public void AddAlias(string alias, DateTimeOffset now)
    {
        ThrowIfInvalid("alias", alias);
        var normalized = UnitNames.Normalize(alias);
        if (normalized == NormalizedName || aliases.Any(a => a.NormalizedAlias == normalized))
        {
            throw new ConflictException($"'{alias.Trim()}' is already a name of unit '{Name}'.");
        }

        AddAliasCore(alias.Trim(), now);
        Touch(now);
    }

    /// <summary>
    /// Removes one of the unit's other names. Lists that already resolved it keep their unit; a document printing the
    /// name later no longer resolves to this unit.
    /// </summary>
    public string RemoveAlias(string alias, DateTimeOffset now)
    {
        var normalized = UnitNames.Normalize(alias ?? string.Empty);
        var found = aliases.FirstOrDefault(a => a.NormalizedAlias == normalized)
            ?? throw new ValidationException("alias", $"'{alias}' is not an alias of unit '{Name}'");
        aliases.Remove(found);
        Touch(now);
        return found.Alias;
    }

    /// <summary>No new task, account or name resolution goes to a retired unit; what it did stays its own.</summary>
    public void Retire(DateTimeOffset now)
    {
        if (RetiredAt is not null)
        {
            throw new PreconditionException($"'{Name}' was already retired on {RetiredAt:yyyy-MM-dd}.");
        }

        RetiredAt = now;
        Touch(now);
    }

    public void Reinstate(DateTimeOffset now)
    {
        if (MergedIntoId is not null)
        {
            throw new PreconditionException(
                $"'{Name}' was merged into another unit; its work and people are there now, so it cannot come back.");
        }

        if (RetiredAt is null)
        {
            throw new PreconditionException($"'{Name}' is not retired.");
        }

        RetiredAt = null;
        Touch(now);
    }

    /// <summary>
    /// Merges this unit into <paramref name="target"/> (两个单位合并): this unit's name and aliases become the
    /// target's aliases, so every document printing them resolves to the target, and this unit ends as retired and
    /// merged. What it led and shared, its reports and its people move to the target (each service moves its own part
    /// on the event). Returns the names that moved.
    /// </summary>
    public IReadOnlyList<string> MergeInto(Unit target, DateTimeOffset now)
    {
        if (target.Id == Id)
        {
            throw new ValidationException("into_id", "a unit cannot be merged into itself");
        }

        if (target.TenantId != TenantId)
        {
            throw new NotFoundException("unit", target.Id.ToString());
        }

        if (Kind == UnitKind.Group || target.Kind == UnitKind.Group)
        {
            throw new PreconditionException(
                $"'{(Kind == UnitKind.Group ? Name : target.Name)}' is a group name, not a unit; only units merge " +
                "(change a group's members instead).");
        }

        if (MergedIntoId is not null)
        {
            throw new PreconditionException($"'{Name}' was already merged into another unit.");
        }

        if (target.RetiredAt is not null)
        {
            throw new PreconditionException($"'{target.Name}' is retired; merge into a unit that is in use.");
        }

        var names = aliases.Select(a => a.Alias).Prepend(Name).ToList();
        if (target.aliases.Count + names.Count > MaxAliases)
        {
            throw new PreconditionException(
                $"'{target.Name}' would have {target.aliases.Count + names.Count} aliases, more than {MaxAliases}; " +
                "remove some first.");
        }

        aliases.Clear();
        foreach (var name in names.Where(n => UnitNames.Normalize(n) != target.NormalizedName
            && target.aliases.All(a => a.NormalizedAlias != UnitNames.Normalize(n))))
        {
            target.AddAliasCore(name, now);
        }

        MergedIntoId = target.Id;
        RetiredAt ??= now;
        Touch(now);
        target.Touch(now);
        return names;
    }

    /// <summary>
    /// A group that named <paramref name="from"/> among its members names <paramref name="to"/> instead.
    /// </summary>
    public void ReplaceMember(Guid from, Guid to, DateTimeOffset now)
    {
        MemberIds = MemberIds.Select(m => m == from ? to : m).Distinct().ToList();
        Touch(now);
    }

    public void SetMembers(IReadOnlyCollection<Guid> memberIds, DateTimeOffset now)
    {
        if (Kind != UnitKind.Group)
        {
            throw new PreconditionException($"'{Name}' is a single unit, not a group; only groups have members.");
        }

        if (memberIds.Count > MaxMembers)
        {
            throw new ValidationException("member_ids", $"at most {MaxMembers} members");
        }

        if (memberIds.Contains(Id))
        {
            throw new ValidationException("member_ids", "a group cannot contain itself");
        }

        MemberIds = memberIds.Distinct().ToList();
        Touch(now);
    }

    private void AddAliasCore(string alias, DateTimeOffset now)
    {
        if (aliases.Count >= MaxAliases)
        {
            throw new ValidationException("alias", $"a unit has at most {MaxAliases} aliases");
        }

        aliases.Add(new UnitAlias(TenantId, Id, alias, now));
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private static void ThrowIfInvalid(string field, string name)
    {
        if (UnitNames.Validate(name) is { } error)
        {
            throw new ValidationException(field, error);
        }
    }
}
