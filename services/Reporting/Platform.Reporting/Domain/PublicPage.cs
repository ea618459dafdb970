using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

/// <summary>
/// A district's public progress page (政务公开): which fields beyond the minimum are public, the office's summary of
/// the year, and whether the page is published. Unpublished until the office publishes it; each change is audited.
/// </summary>
public sealed class PublicPage : ChangeSource, ITenantEntity
{
    public const int MaxSummaryLength = 5000;

    public required string TenantId { get; set; }

    public PublicFields Fields { get; set; }

    /// <summary>The office's words on the year, public only when ticked and the year is closed.</summary>
    public string Summary { get; set; } = string.Empty;

    public bool Published { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>A district's page as it starts: the minimum, unpublished.</summary>
    public static PublicPage Minimal(string tenantId) => new() { TenantId = tenantId };

    public void Configure(PublicFields fields, string summary, string by, DateTimeOffset now)
    {
        if ((fields & ~PublicFields.All) != 0)
        {
            throw new ValidationException("fields", "unknown public field");
        }

        var text = (summary ?? string.Empty).Trim();
        if (text.Length > MaxSummaryLength)
        {
            throw new ValidationException("summary", $"at most {MaxSummaryLength} characters");
        }

        var before = Snapshot();
        Fields = fields;
        Summary = text;
        Touch(by, now);
        Changed("public-page-configured", before, by, now);
    }

    public void Publish(string by, DateTimeOffset now)
    {
        var before = Snapshot();
        Published = true;
        PublishedAt = now;
        Touch(by, now);
        Changed("public-page-published", before, by, now);
    }

    public void Unpublish(string by, DateTimeOffset now)
    {
        if (!Published)
        {
            throw new PreconditionException("The public page is not published.");
        }

        var before = Snapshot();
        Published = false;
        Touch(by, now);
        Changed("public-page-unpublished", before, by, now);
    }

    private void Touch(string by, DateTimeOffset now)
    {
        UpdatedBy = by;
        UpdatedAt = now;
        Version++;
    }

    private string Snapshot() => DomainChange.Json(new { Fields = Fields.ToString(), Summary, Published, Version });

    private void Changed(string action, string before, string by, DateTimeOffset now) =>
        Record(new DomainChange(
            TenantId, Guid.Empty, string.Empty, action, by, now, before, Snapshot(), Event: null, MovesLights: false));
}
