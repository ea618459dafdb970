using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Domain.Assessment;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>
/// The year's assessment (考核). The district office edits the rules, previews the ranking (nothing saved), applies
/// them (a new rule version when they changed, the results stored with it) and closes the year (the results frozen);
/// the office and leaders read the ranking, a unit only its own score; other districts and the municipal level see
/// no unit's score.
/// </summary>
public sealed class AssessmentService(
    ReportingDbContext db,
    ITenantContext caller,
    TimeProvider clock,
    DistrictCalendar calendar,
    ReportingUnitOfWork changes)
    : V1.Assessments.AssessmentsBase
{
    private const string Conflict = "有人同时修改了考核结果，请刷新后重试。";

    private static readonly HashSet<string> UnitRoles =
        [PlatformRoles.UnitReporter, PlatformRoles.UnitContributor, PlatformRoles.UnitLeader];

    public override async Task<V1.AssessmentRuleSet> GetAssessmentRules(
        V1.GetAssessmentRulesRequest request,
        ServerCallContext context)
    {
        var tenant = DistrictReader();
        var current = await CurrentRulesAsync(tenant, context.CancellationToken);
        return current is null
            ? new V1.AssessmentRuleSet { Version = 0, Rules = AssessmentProtos.ToProto(AssessmentRules.Default) }
            : AssessmentProtos.ToProto(current);
    }

    public override async Task<V1.ListAssessmentRuleVersionsResponse> ListAssessmentRuleVersions(
        V1.ListAssessmentRuleVersionsRequest request,
        ServerCallContext context)
    {
        var tenant = RankingReader();
        var versions = await db.AssessmentRuleSets.AsNoTracking()
            .Where(r => r.TenantId == tenant)
            .OrderByDescending(r => r.Version)
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListAssessmentRuleVersionsResponse();
        response.Versions.AddRange(versions.Select(AssessmentProtos.ToProto));
        return response;
    }

    public override async Task<V1.Assessment> PreviewAssessment(
        V1.AssessmentRulesRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var year = CheckedYear(request.Year);
        var rules = AssessmentProtos.FromProto(request.Rules);
        var scores = await ScoreAsync(tenant, year, rules, context.CancellationToken);
        var latest = await CurrentRulesAsync(tenant, context.CancellationToken);
        var preview = new V1.Assessment
        {
            Year = year, Applied = false, UnitCount = scores.Count,
            RuleVersion = latest is not null && latest.Rules.SameAs(rules) ? latest.Version : 0,
        };
        preview.Units.AddRange(scores.Select(AssessmentProtos.ToProto));
        return preview;
    }

    public override async Task<V1.Assessment> ApplyAssessment(
        V1.AssessmentRulesRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var year = CheckedYear(request.Year);
        var rules = AssessmentProtos.FromProto(request.Rules);
        var cancellationToken = context.CancellationToken;
        var closing = await db.ClosingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.TenantId == tenant && y.Year == year, cancellationToken);
        if (closing?.ClosedAt is { } closedAt)
        {
            throw new PreconditionException($"{year} 年度已于 {closedAt:yyyy-MM-dd} 关账，考核结果已冻结，不能再应用规则。");
        }

        var now = clock.GetUtcNow();
        var latest = await CurrentRulesAsync(tenant, cancellationToken);
        var version = latest?.Version ?? 0;
        if (latest is null || !latest.Rules.SameAs(rules))
        {
            version++;
            db.AssessmentRuleSets.Add(AssessmentRuleSet.Of(tenant, version, rules, caller.Actor(), now));
        }

        var scores = await ScoreAsync(tenant, year, rules, cancellationToken);
        var assessment = await db.YearAssessments
            .SingleOrDefaultAsync(a => a.TenantId == tenant && a.Year == year, cancellationToken);
        if (assessment is null)
        {
            assessment = new YearAssessment { TenantId = tenant, Year = year, AppliedBy = caller.Actor() };
            db.YearAssessments.Add(assessment);
        }

        assessment.Apply(version, scores, caller.Actor(), now);
        await StoreResultsAsync(tenant, year, version, scores, cancellationToken);
        await changes.SaveAsync(Conflict, cancellationToken);
        return await ReadAsync(tenant, year, null, cancellationToken);
    }

    public override async Task<V1.Assessment> GetAssessment(V1.GetAssessmentRequest request, ServerCallContext context)
    {
        var year = CheckedYear(request.Year);
        if (caller.Roles.Contains(PlatformRoles.DistrictAdmin) || caller.Roles.Contains(PlatformRoles.DistrictLeader))
        {
            return await ReadAsync(RankingReader(), year, null, context.CancellationToken);
        }

        var tenant = DistrictReader();
        var unit = Guid.TryParse(caller.UnitId, out var id) && caller.Roles.Overlaps(UnitRoles)
            ? id
            : throw new ForbiddenException("只有区督办室、区领导和被考核单位可以查看考核结果。");
        return await ReadAsync(tenant, year, unit, context.CancellationToken);
    }

    public override async Task<V1.Assessment> CloseYear(V1.CloseYearRequest request, ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var year = CheckedYear(request.Year);
        var cancellationToken = context.CancellationToken;
        var assessment = await db.YearAssessments
            .SingleOrDefaultAsync(a => a.TenantId == tenant && a.Year == year, cancellationToken)
            ?? throw new PreconditionException($"{year} 年度尚未应用考核规则；先预览并应用，再关账。");
        var closing = await db.ClosingYears
            .SingleOrDefaultAsync(y => y.TenantId == tenant && y.Year == year, cancellationToken);
        if (closing is null)
        {
            closing = new ClosingYear { TenantId = tenant, Year = year };
            db.ClosingYears.Add(closing);
        }

        var results = await db.AssessmentResults
            .Where(r => r.TenantId == tenant && r.Year == year)
            .OrderBy(r => r.Rank)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var closed = await YearClosing.EventAsync(db, tenant, year, caller.Actor(), now, cancellationToken);
        assessment.Close(closing, results.Select(r => r.ToAssessment()).ToList(), closed, caller.Actor(), now);
        await changes.SaveAsync(Conflict, cancellationToken);
        return await ReadAsync(tenant, year, null, cancellationToken);
    }

    /// <summary>The caller's own district: the municipal level reads no district's assessment.</summary>
    private string DistrictReader()
    {
        caller.Require(PlatformScopes.ReportsRead);
        var tenant = caller.TenantId;
        return tenant is not null && DivisionCode.IsValid(tenant) && !caller.IsReadOnly &&
               caller.Roles.Overlaps(PlatformRoles.District)
            ? tenant
            : throw new ForbiddenException("考核只在本区内可见：市级和其他区看不到各单位的得分。");
    }

    /// <summary>The office and district leaders, who see the whole ranking.</summary>
    private string RankingReader()
    {
        var tenant = DistrictReader();
        return caller.Roles.Contains(PlatformRoles.DistrictAdmin) || caller.Roles.Contains(PlatformRoles.DistrictLeader)
            ? tenant
            : throw new ForbiddenException("只有区督办室和区领导可以查看全区排名。");
    }

    private static int CheckedYear(int year) => year is >= 2000 and <= 2100
        ? year
        : throw new ValidationException("year", "一个 2000 到 2100 之间的年份，例如 2023");

    private Task<AssessmentRuleSet?> CurrentRulesAsync(string tenant, CancellationToken cancellationToken) =>
        db.AssessmentRuleSets.AsNoTracking()
            .Where(r => r.TenantId == tenant)
            .OrderByDescending(r => r.Version)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<UnitAssessment>> ScoreAsync(
        string tenant,
        int year,
        AssessmentRules rules,
        CancellationToken cancellationToken)
    {
        await calendar.LoadAsync(tenant, cancellationToken);
        var facts = await YearFacts.LoadAsync(
            db, tenant, year, calendar.Today, calendar.GraceDaysFor(tenant), cancellationToken);
        return AssessmentEngine.Score(rules, facts);
    }

    /// <summary>The year's rows become these scores: changed in place, added, or removed for a unit no longer led.</summary>
    private async Task StoreResultsAsync(
        string tenant,
        int year,
        int version,
        IReadOnlyList<UnitAssessment> scores,
        CancellationToken cancellationToken)
    {
        var stored = await db.AssessmentResults
            .Where(r => r.TenantId == tenant && r.Year == year)
            .ToDictionaryAsync(r => r.UnitId, cancellationToken);
        foreach (var score in scores)
        {
            if (!stored.Remove(score.UnitId, out var row))
            {
                row = new AssessmentResult { TenantId = tenant, Year = year, UnitId = score.UnitId, UnitName = "" };
                db.AssessmentResults.Add(row);
            }

            (row.UnitName, row.RuleVersion, row.Score, row.Rank, row.Reasons) =
                (score.UnitName, version, score.Score, score.Rank, score.Reasons.ToList());
        }

        db.AssessmentResults.RemoveRange(stored.Values);
    }

    private async Task<V1.Assessment> ReadAsync(string tenant, int year, Guid? unit, CancellationToken cancellationToken)
    {
        var assessment = await db.YearAssessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TenantId == tenant && a.Year == year, cancellationToken);
        var closing = await db.ClosingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.TenantId == tenant && y.Year == year, cancellationToken);
        var response = new V1.Assessment { Year = year };
        if (assessment is null)
        {
            return response;
        }

        var results = await db.AssessmentResults.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.Year == year)
            .OrderBy(r => r.Rank)
            .ThenBy(r => r.UnitName)
            .ToListAsync(cancellationToken);
        response.RuleVersion = assessment.RuleVersion;
        response.Applied = true;
        response.Final = assessment.Final;
        response.AppliedAt = Timestamp.FromDateTimeOffset(assessment.AppliedAt);
        response.AppliedBy = assessment.AppliedBy;
        response.UnitCount = results.Count;
        if (closing?.ClosedAt is { } closedAt)
        {
            response.ClosedAt = Timestamp.FromDateTimeOffset(closedAt);
            response.ClosedBy = closing.ClosedBy ?? string.Empty;
        }

        response.Units.AddRange(results
            .Where(r => unit is null || r.UnitId == unit)
            .Select(r => AssessmentProtos.ToProto(r.ToAssessment())));
        return response;
    }
}
