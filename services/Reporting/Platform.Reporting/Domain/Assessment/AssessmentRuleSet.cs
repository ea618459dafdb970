using Platform.MultiTenancy;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// One version of a district's assessment rules, kept for ever: a year's results name the version that made them.
/// </summary>
public sealed class AssessmentRuleSet : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    /// <summary>1, 2, …: each change of the rules the office applies is a new version.</summary>
    public int Version { get; set; }

    public decimal BaseScore { get; set; }

    public bool ClosureCountsAsCompleted { get; set; }

    public List<AssessmentItem> Items { get; set; } = [];

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public AssessmentRules Rules => new(BaseScore, ClosureCountsAsCompleted, Items);

    public static AssessmentRuleSet Of(string tenant, int version, AssessmentRules rules, string by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(), TenantId = tenant, Version = version, BaseScore = rules.BaseScore,
            ClosureCountsAsCompleted = rules.ClosureCountsAsCompleted, Items = rules.Items.ToList(), CreatedBy = by,
            CreatedAt = now,
        };
}
