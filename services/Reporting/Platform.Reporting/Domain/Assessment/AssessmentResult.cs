using Platform.MultiTenancy;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>A lead unit's applied score of a year, with the rule version that made it and its reasons.</summary>
public sealed class AssessmentResult : ITenantEntity
{
    public required string TenantId { get; set; }

    public int Year { get; set; }

    public Guid UnitId { get; set; }

    public required string UnitName { get; set; }

    public int RuleVersion { get; set; }

    public decimal Score { get; set; }

    public int Rank { get; set; }

    public List<AssessmentReason> Reasons { get; set; } = [];

    public UnitAssessment ToAssessment() => new(UnitId, UnitName, Score, Rank, Reasons);
}
