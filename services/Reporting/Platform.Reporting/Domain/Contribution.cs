using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

/// <summary>A responsible unit's part of a month's report (报一次、用多次): it pre-fills the lead unit's draft.</summary>
public sealed class Contribution : ChangeSource, ITenantEntity
{
    public const int MaxTextLength = 3000;

    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public required string Period { get; set; }

    public Guid UnitId { get; set; }

    public required string UnitName { get; set; }

    public string Text { get; set; } = string.Empty;

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The unit writes (or rewrites) its part of the month.</summary>
    public void Write(string? text, string by, DateTimeOffset now)
    {
        text = text?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MaxTextLength)
        {
            throw new ValidationException("text", $"1 to {MaxTextLength} characters");
        }

        var before = Text.Length == 0 ? null : DomainChange.Json(new { unit = UnitName, text = Text });
        Text = text;
        UpdatedBy = by;
        UpdatedAt = now;
        Record(new DomainChange(
            TenantId, TaskId, Period, "contribution saved", by, now, before,
            DomainChange.Json(new { unit = UnitName, text }), Event: null, MovesLights: false));
    }
}
