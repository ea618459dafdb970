using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>A person notifications are addressed to: this service's copy of an account (from AccountChanged).</summary>
public sealed class Recipient : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public Guid? UnitId { get; set; }

    public List<string> Roles { get; set; } = [];

    public bool Disabled { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    /// <summary>The account's version this copy holds (<c>AccountChanged.Version</c>); 0 for one from an unversioned event.</summary>
    public int Version { get; set; }
}

public enum ItemState
{
    /// <summary>Nothing submitted yet, or returned: the unit owes this report.</summary>
    Open = 1,
    Submitted = 2,
    Accepted = 3,

    /// <summary>The task was closed (办结): nothing more is owed.</summary>
    Closed = 4,
}

/// <summary>
/// One report a lead unit owes: a task, a month and the lead unit, with its due date and whether it is still open.
/// Built from TaskListPublished and kept current by the report events; the supervision ladder reads only these rows.
/// </summary>
public sealed class OwedReport : ITenantEntity
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public Guid TaskId { get; set; }

    public required string TaskNumber { get; set; }

    public int TaskOrder { get; set; }

    public required string TaskText { get; set; }

    public Guid LeadUnitId { get; set; }

    public required string LeadUnitName { get; set; }

    public required string Period { get; set; }

    public DateOnly DueOn { get; set; }

    public ItemState State { get; set; } = ItemState.Open;

    /// <summary>The version of reporting's report that <see cref="State"/> reflects (0: no report event seen yet).</summary>
    public int ReportVersion { get; set; }

    /// <summary>The version of the published list this row came from: an older version arriving late changes nothing.</summary>
    public int ListVersion { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>
/// The newest state of one report that a report event told this service, by reporting's own version: kept apart from
/// the owed reports so an event that arrives before its list (another queue, a backlog) is not lost, and so any order
/// of delivery, redelivery or replay ends in reporting's state.
/// </summary>
public sealed class ReportState : ITenantEntity
{
    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public Guid LeadUnitId { get; set; }

    public int Version { get; set; }

    public ItemState State { get; set; }
}

/// <summary>A district's notification rules: when to remind, when 催办, when the 督办单 goes out; each can be switched off.</summary>
public sealed class NotificationSettings : ITenantEntity
{
    public required string TenantId { get; set; }

    public int ReminderDaysBefore { get; set; } = 5;

    public int OverdueAfterDays { get; set; } = 5;

    public int EscalateAfterDays { get; set; } = 3;

    public bool AssignmentEnabled { get; set; } = true;

    public bool ReminderEnabled { get; set; } = true;

    public bool OverdueEnabled { get; set; } = true;

    public bool EscalationEnabled { get; set; } = true;

    public bool ReviewEnabled { get; set; } = true;

    public static NotificationSettings Default(string tenant) => new() { TenantId = tenant };
}
