using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain.Assessment;

/// <summary>
/// A district's assessment of a year: the rule version last applied, by whom, and once the year is closed, frozen
/// (<see cref="Final"/>). Applying publishes the scores; closing freezes them and announces the unfinished tasks.
/// </summary>
public sealed class YearAssessment : ChangeSource, ITenantEntity
{
    public required string TenantId { get; set; }

    public int Year { get; set; }

    public int RuleVersion { get; set; }

    public required string AppliedBy { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public bool Final { get; set; }

    public int Version { get; set; }

    public void Apply(int ruleVersion, IReadOnlyList<UnitAssessment> scores, string by, DateTimeOffset now)
    {
        RequireOpen();
        var before = Version == 0 ? null : Snapshot();
        (RuleVersion, AppliedBy, AppliedAt) = (ruleVersion, by, now);
        Version++;
        Record("assessment applied", before, by, now, Published(scores, now));
    }

    /// <summary>Closes the year: the scores applied last are final with their rule version.</summary>
    public void Close(
        ClosingYear year,
        IReadOnlyList<UnitAssessment> scores,
        YearClosed closed,
        string by,
        DateTimeOffset now)
    {
        RequireOpen();
        if (year.ClosedAt is { } at)
        {
            throw new PreconditionException($"{Year} 年度已于 {at:yyyy-MM-dd} 关账，不能再次关账。");
        }

        var before = Snapshot();
        Final = true;
        Version++;
        (year.ClosedAt, year.ClosedBy, year.RuleVersion, year.UpdatedAt) = (now, by, RuleVersion, now);
        year.Version++;
        Record("year closed", before, by, now, closed);
        Record("assessment final", null, by, now, Published(scores, now));
    }

    private void RequireOpen()
    {
        if (Final)
        {
            throw new PreconditionException($"{Year} 年度已关账，考核结果已冻结（规则版本 {RuleVersion}）。");
        }
    }

    private AssessmentPublished Published(IReadOnlyList<UnitAssessment> scores, DateTimeOffset now) => new()
    {
        TenantId = TenantId, Year = Year, RuleVersion = RuleVersion, Final = Final, OccurredAt = now,
        Scores = scores.Select(s => new UnitScore
        {
            UnitId = s.UnitId, UnitName = s.UnitName, Score = s.Score, Rank = s.Rank, ReasonCount = s.Reasons.Count,
        }).ToList(),
    };

    private string Snapshot() => DomainChange.Json(new { Year, RuleVersion, AppliedBy, AppliedAt, Final });

    /// <summary>A change of the whole year: no task, the year as its period, no light moves.</summary>
    private void Record(string action, string? before, string by, DateTimeOffset now, object published) =>
        Record(new DomainChange(
            TenantId, Guid.Empty, Year.ToString(System.Globalization.CultureInfo.InvariantCulture), action, by, now,
            before, Snapshot(), published, MovesLights: false));
}
