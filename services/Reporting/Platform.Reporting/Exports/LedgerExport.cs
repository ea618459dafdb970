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
        app.MapGet("/api/v1/exports/ledger", async (
            string? period, ReportingDbContext db, ITenantContext caller, CancellationToken cancellationToken) =>
        {
            var (tenant, problem) = ExportAccess.Check(caller, period);
            if (problem is not null)
            {
                return problem;
            }

            var rows = await RowsAsync(db, tenant!, period!, cancellationToken);
            return Results.File(
                Write($"{period} 台账", rows),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"ledger-{tenant}-{period}.xlsx");
        });
        return app;
    }

    /// <summary>
    /// One row per light of the month — the projection the dashboards read, so the ledger's light is the dashboard's —
    /// with the task's text and targets and the lead unit's report beside it.
    /// </summary>
    public static async Task<List<string[]>> RowsAsync(
        ReportingDbContext db, string tenant, string period, CancellationToken cancellationToken)
    {
        var lights = await db.Lights.AsNoTracking()
            .Where(l => l.TenantId == tenant && l.Period == period)
            .Join(db.Tasks.Where(t => t.Active), l => l.TaskId, t => t.Id, (l, t) => new { Light = l, Task = t })
            .ToListAsync(cancellationToken);
        lights = lights.OrderBy(x => x.Task.Order).ThenBy(x => x.Task.LeadUnitIds.IndexOf(x.Light.LeadUnitId)).ToList();
        var ids = lights.Select(x => x.Task.Id).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.TaskId) && r.Period == period)
            .ToDictionaryAsync(r => (r.TaskId, r.LeadUnitId), cancellationToken);
        return lights.Select(x =>
        {
            var (light, task) = (x.Light, x.Task);
            var report = reports.GetValueOrDefault((task.Id, light.LeadUnitId));
            return new[]
            {
                task.Number, task.Category ?? string.Empty, task.Text, light.LeadUnitName,
                string.Join("；", task.Targets.Select(t => t.Text)), Actuals(task, report),
                report is null ? "未报" : Status(report.Status), Self(report?.SelfStatus ?? SelfStatus.Unspecified),
                light.Light switch { Light.Red => "红", Light.Yellow => "黄", _ => "绿" }, light.Reasons,
                report?.Progress ?? string.Empty, report?.Problems ?? string.Empty, report?.Effects ?? string.Empty,
            };
        }).ToList();
    }

    private static string Actuals(TrackedTask task, ProgressReport? report) => string.Join(
        "；",
        task.Targets.Select((t, k) =>
            report is not null && k < report.Actuals.Count && report.Actuals[k] is { } a ? $"{a:0.##}{t.Unit}" : "—"));

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
            workbook.Workbook
                .AppendChild(new Sheets())
                .Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(sheetPart),
                    SheetId = 1,
                    Name = title.Length > 31 ? title[..31] : title,
                });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<string> cells)
    {
        var row = new Row();
        foreach (var text in cells)
        {
            row.Append(new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
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
