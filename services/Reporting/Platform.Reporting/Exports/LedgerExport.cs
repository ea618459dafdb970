using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Exports;

/// <summary>
/// The monthly ledger (台账) as .xlsx: one row per task and lead unit with its category, units, targets and actuals,
/// report status, light and the three report texts — generated from the data, never consolidated by hand.
/// </summary>
public static class LedgerExport
{
    private static readonly string[] Headers =
    [
        "序号", "类别", "任务", "牵头单位", "指标", "实际值", "报送状态", "自评", "红黄绿灯", "灯因", "工作进展情况", "存在的问题", "工作成效",
    ];

    public static IEndpointRouteBuilder MapLedgerExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exports/ledger", async (string? period, ReportingDbContext db, ITenantContext caller, LightProjector lights, CancellationToken cancellationToken) =>
        {
            var (tenant, problem) = ExportAccess.Check(caller, period);
            if (problem is not null)
            {
                return problem;
            }

            PeriodKey.TryParse(period, out var year, out var month);

            var tasks = await db.Tasks.Where(t => t.TenantId == tenant && t.Active && t.Year == year).OrderBy(t => t.Order).ToListAsync(cancellationToken);
            var ids = tasks.Select(t => t.Id).ToList();
            var reports = await db.Reports.Where(r => ids.Contains(r.TaskId) && r.Period == period).ToListAsync(cancellationToken);
            var periods = await db.Periods.Where(p => p.TenantId == tenant && p.Year == year && p.Month == month).ToDictionaryAsync(p => p.TaskListId, cancellationToken);
            await lights.LoadGraceAsync(tenant!, cancellationToken);
            var rows = new List<string[]>();
            foreach (var task in tasks.Where(t => periods.ContainsKey(t.TaskListId)))
            {
                for (var i = 0; i < task.LeadUnitIds.Count; i++)
                {
                    var report = reports.SingleOrDefault(r => r.TaskId == task.Id && r.LeadUnitId == task.LeadUnitIds[i]);
                    var light = LightRules.Compute(task, periods[task.TaskListId], report, lights.Today, lights.GraceDaysFor(tenant!));
                    rows.Add(
                    [
                        task.Number, task.Category ?? string.Empty, task.Text, i < task.LeadUnitNames.Count ? task.LeadUnitNames[i] : string.Empty,
                        string.Join("；", task.Targets.Select(t => t.Text)),
                        string.Join("；", task.Targets.Select((t, k) => report is not null && k < report.Actuals.Count && report.Actuals[k] is { } a ? $"{a:0.##}{t.Unit}" : "—")),
                        report is null ? "未报" : Status(report.Status), Self(report?.SelfStatus ?? SelfStatus.Unspecified),
                        light.Light switch { Light.Red => "红", Light.Yellow => "黄", _ => "绿" }, string.Join("；", light.Reasons),
                        report?.Progress ?? string.Empty, report?.Problems ?? string.Empty, report?.Effects ?? string.Empty,
                    ]);
                }
            }

            return Results.File(Write($"{period} 台账", rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ledger-{tenant}-{period}.xlsx");
        });
        return app;
    }

    public static byte[] Write(string title, IReadOnlyList<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Headers));
            foreach (var row in rows)
            {
                data.Append(Row(row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = title.Length > 31 ? title[..31] : title });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<string> cells)
    {
        var row = new Row();
        foreach (var text in cells)
        {
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        return row;
    }

    private static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已报送",
        ReportStatus.Returned => "已退回",
        _ => "已审核",
    };

    private static string Self(SelfStatus status) => status switch
    {
        SelfStatus.OnTrack => "正常推进",
        SelfStatus.AtRisk => "存在风险",
        SelfStatus.Behind => "进度滞后",
        SelfStatus.Done => "已完成",
        _ => string.Empty,
    };
}
