using Microsoft.EntityFrameworkCore;
using Platform.Documents.Sheets;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Exports;

/// <summary>
/// The monthly ledger (台账) as .xlsx: one row per task and lead unit with its category, units, targets and actuals,
/// report status, light and the three report texts — generated from the data, never consolidated by hand.
/// </summary>
public static class LedgerExport
{
    private const string LightHeader = "红黄绿灯";

    private static readonly string[] Headers =
    [
        "序号", "类别", "任务", "牵头单位", "指标", "实际值", "报送状态", "自评", LightHeader, "灯因", "工作进展情况", "存在的问题",
        "工作成效",
    ];

    private static readonly HashSet<string> LongHeaders =
        new(["任务", "指标", "灯因", "工作进展情况", "存在的问题", "工作成效"], StringComparer.Ordinal);

    /// <summary>The light's word and the colour its cell takes.</summary>
    private static readonly Dictionary<string, CellTone> Tones = new(StringComparer.Ordinal)
    {
        [Wording.LightName(Light.Red)] = CellTone.Red,
        [Wording.LightName(Light.Yellow)] = CellTone.Yellow,
        [Wording.LightName(Light.Green)] = CellTone.Green,
    };

    public static IEndpointRouteBuilder MapLedgerExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exports/ledger", async (
            string? period,
            ReportingDbContext db,
            ITenantContext caller,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var (tenant, problem) = ExportAccess.Check(caller, period);
            if (problem is not null)
            {
                return problem;
            }

            var rows = await RowsAsync(db, tenant!, period!, cancellationToken);
            var name = await db.DistrictNameAsync(tenant!, cancellationToken);
            return Results.File(
                Write(name, period!, clock.GetUtcNow(), rows),
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
                Wording.Status(report?.Status), Wording.Self(report?.SelfStatus ?? SelfStatus.Unspecified),
                Wording.LightName(light.Light), Wording.Printable(light.Reasons),
                report?.Progress ?? string.Empty, report?.Problems ?? string.Empty, report?.Effects ?? string.Empty,
            };
        }).ToList();
    }

    private static string Actuals(TrackedTask task, ProgressReport? report) => string.Join(
        "；",
        task.Targets.Select((t, k) =>
            report is not null && k < report.Actuals.Count && report.Actuals[k] is { } a ? $"{a:0.##}{t.Unit}" : "—"));

    /// <summary>
    /// The ledger workbook: the title (district and month) and the generation time above the header, the lights as
    /// coloured cells with their word, long texts wrapped, printed landscape one page wide with the header on every
    /// page.
    /// </summary>
    public static byte[] Write(
        string districtName, string period, DateTimeOffset generatedAt, IReadOnlyList<string[]> rows)
    {
        if (!PeriodKey.TryParse(period, out var year, out var month))
        {
            throw new ArgumentException($"{period} is not a month (yyyy-MM)", nameof(period));
        }

        var light = Array.IndexOf(Headers, LightHeader);
        var sheet = new SheetContent(
            $"{period} 台账",
            Headers.Select(Column).ToList(),
            rows.Select(r => (IReadOnlyList<SheetCell>)r
                .Select((text, c) => c == light && Tones.TryGetValue(text, out var tone)
                    ? SheetCell.Toned(text, tone)
                    : SheetCell.Of(text))
                .ToList()).ToList())
        {
            Titles =
            [
                $"{districtName}{year}年{month}月重点任务推进情况台账",
                $"生成时间：{ChinaTime.Local(generatedAt):yyyy-MM-dd HH:mm}（北京时间）",
            ],
        };
        return SheetWriter.Write(sheet);
    }

    /// <summary>
    /// The texts (task, targets, reasons and the report) wrap at about seven to twenty characters, the table sharing
    /// the page's width among them; the category, the unit and the actuals wrap past six characters, so that the long
    /// texts keep their room.
    /// </summary>
    private static SheetColumn Column(string header) => header switch
    {
        _ when LongHeaders.Contains(header) => new SheetColumn(header) { MinWidth = 14, MaxWidth = 40 },
        "类别" or "实际值" => new SheetColumn(header) { MaxWidth = 12 },
        "牵头单位" => new SheetColumn(header) { MaxWidth = 14 },
        _ => new SheetColumn(header),
    };
}
