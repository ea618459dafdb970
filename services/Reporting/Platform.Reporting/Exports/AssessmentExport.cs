using Microsoft.EntityFrameworkCore;
using Platform.Documents.Sheets;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain.Assessment;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Exports;

/// <summary>
/// The assessment sheet (考核表) as .xlsx: the ranking (one row per unit) and every deduction with its reason, from the
/// applied results of the year and the rule version that made them.
/// </summary>
public static class AssessmentExport
{
    public static IEndpointRouteBuilder MapAssessmentExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exports/assessment", async (
            int? year,
            ReportingDbContext db,
            ITenantContext caller,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var (tenant, checkedYear, problem) = YearExportAccess.Check(caller, year);
            if (problem is not null)
            {
                return problem;
            }

            var assessment = await db.YearAssessments.AsNoTracking()
                .SingleOrDefaultAsync(a => a.TenantId == tenant && a.Year == checkedYear, cancellationToken);
            var results = await db.AssessmentResults.AsNoTracking()
                .Where(r => r.TenantId == tenant && r.Year == checkedYear)
                .OrderBy(r => r.Rank)
                .ThenBy(r => r.UnitName)
                .ToListAsync(cancellationToken);
            var name = await db.DistrictNameAsync(tenant!, cancellationToken);
            return Results.File(
                Write(name, checkedYear, assessment, results.Select(r => r.ToAssessment()).ToList(), clock.GetUtcNow()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"assessment-{tenant}-{checkedYear}.xlsx");
        });
        return app;
    }

    /// <summary>
    /// The assessment workbook: the ranking and the deductions, each under a title with the district and the year and a
    /// line with the rule version, the state and the generation time; scores and points as numbers.
    /// </summary>
    public static byte[] Write(
        string districtName,
        int year,
        YearAssessment? assessment,
        IReadOnlyList<UnitAssessment> units,
        DateTimeOffset generatedAt)
    {
        var state = assessment is null ? "未应用" : assessment.Final ? "已关账（冻结）" : "已应用（未关账）";
        var version = assessment?.RuleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
        var ranking = units.Select(u => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(u.Rank), u.UnitName, SheetCell.Of(u.Score), SheetCell.Of(u.Reasons.Sum(r => r.Points)),
            SheetCell.Of(u.Reasons.Count(r => r.Points > 0)), version, state,
        ]).ToList();
        var reasons = units.SelectMany(u => u.Reasons.Select(r => (IReadOnlyList<SheetCell>)
        [
            u.UnitName, SheetCell.Of(u.Rank), SheetCell.Of(u.Score), Item(r.Kind), SheetCell.Of(-r.Points),
            r.Capped ? "是" : string.Empty, r.Text,
        ])).ToList();
        var subtitle = (assessment is null ? "规则版本：—" : $"规则版本：第 {version} 版") + $"　状态：{state}　" +
            $"生成时间：{ChinaTime.Local(generatedAt):yyyy-MM-dd HH:mm}（北京时间）";
        return SheetWriter.Write(
            new SheetContent($"{year}年考核排名", Columns("名次", "单位", "得分", "扣分合计", "扣分项", "规则版本", "状态"), ranking)
            {
                Titles = [$"{districtName}{year}年度重点任务考核排名", subtitle],
            },
            new SheetContent("扣分明细", Columns("单位", "名次", "得分", "扣分项目", "扣分", "已达上限", "说明"), reasons)
            {
                Titles = [$"{districtName}{year}年度重点任务考核扣分明细", subtitle],
            });
    }

    /// <summary>The Chinese name of an item, as the office's rules page shows it.</summary>
    public static string Item(AssessmentItemKind kind) => kind switch
    {
        AssessmentItemKind.LateReport => "月报逾期报送",
        AssessmentItemKind.MissingReport => "月报逾期未报",
        AssessmentItemKind.ReturnedReport => "月报被退回",
        AssessmentItemKind.TaskNotCompleted => "任务未完成",
        AssessmentItemKind.TaskMostlyCompleted => "任务基本完成",
        AssessmentItemKind.TargetNotMet => "目标未达成",
        AssessmentItemKind.SupervisionNotice => "收到督办单",
        AssessmentItemKind.ExtensionRequested => "申请延期",
        _ => "按时报送率",
    };

    private static List<SheetColumn> Columns(params string[] headers) =>
        headers.Select(h => new SheetColumn(h)).ToList();
}
