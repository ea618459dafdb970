using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>A district's own reporting rules: the grace period after each month's due date.</summary>
public sealed class ReportingSettings : ITenantEntity
{
    public const int MaxGraceDays = 30;

    public required string TenantId { get; set; }

    public int GraceDays { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
