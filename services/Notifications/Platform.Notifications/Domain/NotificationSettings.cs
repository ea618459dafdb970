using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// A district's notification rules: when to remind, when 催办, when the 督办单 goes out; each can be switched off.
/// </summary>
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
