using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Units.Domain;

/// <summary>
/// A division that uses the platform. The tenant directory is the platform's own (not any tenant's), so it has no
/// row-level security; the gRPC service shows each caller only itself and the divisions it oversees.
/// </summary>
public sealed class TenantRecord
{
    public const int MaxNameLength = 50;

    private TenantRecord()
    {
    }

    public string Id { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public string? ParentId { get; private set; }

    public TenantLevel Level { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When the platform suspended the district: its people and clients cannot sign in; its data stays.
    /// </summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public void Suspend(DateTimeOffset now) => SuspendedAt ??= now;

    public void Resume() => SuspendedAt = null;

    public static TenantRecord Create(string id, string name, TenantRecord? parent, DateTimeOffset now)
    {
        if (!DivisionCode.IsValid(id))
        {
            throw new ValidationException("id", $"'{id}' is not a GB/T 2260 division code (six digits, e.g. 500103)");
        }

        // The division must be one of the GB/T 2260 table the platform ships, under the name the table gives it (an
        // empty name takes it): a mistyped code would otherwise become a district nobody can compare or roll up.
        var division = DivisionTree.Standard.Find(id)
            ?? throw new ValidationException(
                "id",
                $"{id} is not a division of the GB/T 2260 table the platform ships (2023 edition)");
        name = string.IsNullOrWhiteSpace(name) ? division.Name : name.Trim();
        if (name.Length > MaxNameLength)
        {
            throw new ValidationException("name", $"must be 1 to {MaxNameLength} characters");
        }

        if (name != division.Name)
        {
            throw new ValidationException("name", $"the GB/T 2260 table names {id} {division.Name}, not {name}");
        }

        if (parent is not null && !DivisionCode.Oversees(parent.Id, id))
        {
            throw new ValidationException("parent_id", $"{parent.Id} ({parent.Name}) does not oversee {id}");
        }

        return new TenantRecord
        {
            Id = id,
            Name = name.Trim(),
            ParentId = parent?.Id,
            Level = LevelOf(id),
            CreatedAt = now,
        };
    }

    public static TenantLevel LevelOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal)
            ? (IsMunicipality(code) ? TenantLevel.Municipality : TenantLevel.Province)
        : code.EndsWith("00", StringComparison.Ordinal) ? TenantLevel.Municipality
        : TenantLevel.District;

    // 北京, 天津, 上海, 重庆: province-level municipalities whose districts sit directly beneath them.
    private static bool IsMunicipality(string code) => code is "110000" or "120000" or "310000" or "500000";
}
