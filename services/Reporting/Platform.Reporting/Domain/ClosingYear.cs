using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>
/// A district's year-end: the day from which completion reports are filed, and once closed, who closed it and the
/// assessment rule version its frozen scores were made with.
/// </summary>
public sealed class ClosingYear : ITenantEntity
{
    public required string TenantId { get; set; }

    public int Year { get; set; }

    /// <summary>From this day (China time) the lead units file their completion reports; null until set.</summary>
    public DateOnly? CompletionOpensOn { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>The assessment rule version whose scores the closing froze.</summary>
    public int? RuleVersion { get; set; }

    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
