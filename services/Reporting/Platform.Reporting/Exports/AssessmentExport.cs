using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain.Assessment;

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
            return Results.File(
                Write(checkedYear, assessment, results.Select(r => r.ToAssessment()).ToList()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"assessment-{tenant}-{checkedYear}.xlsx");
        });
        return app;
    }

    public static byte[] Write(int year, YearAssessment? assessment, IReadOnlyList<UnitAssessment> units)
    {
        var state = assessment is null ? "未应用" : assessment.Final ? "已关账（冻结）" : "已应用（未关账）";
        var version = assessment?.RuleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
        var ranking = units.Select(u => new Cell[]
        {
            Number(u.Rank), Text(u.UnitName), Number(u.Score), Number(u.Reasons.Sum(r => r.Points)),
            Number(u.Reasons.Count(r => r.Points > 0)), Text(version), Text(state),
        });
        var reasons = units.SelectMany(u => u.Reasons.Select(r => new Cell[]
        {
            Text(u.UnitName), Number(u.Rank), Number(u.Score), Text(Item(r.Kind)), Number(-r.Points),
            Text(r.Capped ? "是" : string.Empty), Text(r.Text),
        }));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            Sheet(workbook, sheets, 1, $"{year}年考核排名", ["名次", "单位", "得分", "扣分合计", "扣分项", "规则版本", "状态"], ranking);
            Sheet(workbook, sheets, 2, "扣分明细", ["单位", "名次", "得分", "扣分项目", "扣分", "已达上限", "说明"], reasons);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
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

    private static void Sheet(
        WorkbookPart workbook,
        Sheets sheets,
        uint id,
        string name,
        string[] headers,
        IEnumerable<Cell[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData(new Row(headers.Select(Text)));
        foreach (var row in rows)
        {
            data.Append(new Row(row));
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(decimal value) => new()
    {
        DataType = CellValues.Number,
        CellValue = new CellValue(value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
    };
}
