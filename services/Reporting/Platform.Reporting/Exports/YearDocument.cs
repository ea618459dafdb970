using System.Globalization;
using DocumentFormat.OpenXml;
using Platform.Documents.Word;
using Platform.Reporting.Domain;
using static Platform.Reporting.Exports.BulletinLayout;

namespace Platform.Reporting.Exports;

/// <summary>
/// Renders a <see cref="YearData"/> as an official document in the monthly bulletin's layout (see
/// <see cref="BulletinLayout"/>): the year's completion, a native chart and table of outcomes by category, the
/// unfinished tasks with their reasons, and the ranking.
/// </summary>
public static class YearDocument
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Name, string Color, Func<YearCategory, int> Value)[] Outcomes =
    [
        (Wording.Completed, "2E7D32", c => c.Completed),
        (Wording.MostlyCompleted, "F9A825", c => c.MostlyCompleted),
        (Wording.NotCompleted, "C62828", c => c.NotCompleted),
        (Wording.NotReported, "9E9E9E", c => c.NotReported),
    ];

    public static byte[] Write(YearData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return BulletinLayout.Write(main =>
        {
            var blocks = new List<(OpenXmlElement, bool)>
            {
                (Title(Wording.YearTitle(data.DistrictName, data.Year), Wording.YearSubject), false),
                (DateLine(Wording.DateLine(data.GeneratedOn)), false),
                (Heading(Wording.OverallHeading), false),
                (Body(Summary(data)), false),
                (Heading(Wording.YearCategoryHeading), false),
            };
            if (data.Categories.Count == 0)
            {
                blocks.Add((Body(Wording.NoData), false));
            }
            else
            {
                var chart = BulletinChart.Paragraph(
                    main, data.Categories, c => c.Name, Outcomes, Wording.CategoryOutcomesChart);
                blocks.Add((chart, false));
                blocks.Add((CategoryTable(data.Categories).Table, false));
            }

            var lagging = data.Lagging.Count == 0 ? null : LaggingTable(data.Lagging);
            var turn = lagging?.Landscape == true;
            blocks.Add((Heading(Wording.YearLaggingHeading), turn));
            if (lagging is null)
            {
                blocks.Add((Body(Wording.AllCompleted), turn));
            }
            else
            {
                blocks.Add((Body(Wording.YearLaggingLead(data.Lagging.Count)), turn));
                blocks.Add((lagging.Table, turn));
            }

            blocks.Add((Heading(Wording.YearRankingHeading), turn));
            blocks.AddRange(Ranking(data).Select(e => (e, turn)));
            return blocks;
        });
    }

    private static string Summary(YearData data)
    {
        int total = data.Categories.Sum(c => c.Total), done = data.Categories.Sum(c => c.Completed);
        var rate = total == 0 ? 0 : Math.Round(100m * done / total, 1);
        return Wording.YearSummary(
            data.Year,
            total,
            done,
            data.Categories.Sum(c => c.MostlyCompleted),
            data.Categories.Sum(c => c.NotCompleted),
            data.Categories.Sum(c => c.NotReported),
            rate);
    }

    private static FittedTable CategoryTable(IReadOnlyList<YearCategory> categories)
    {
        TableColumn[] columns =
        [
            new(Wording.CategoryHeader, ColumnSizing.Capped, BulletinDocument.CategoryCells),
            .. Outcomes.Select(o => new TableColumn(o.Name, ColumnSizing.Fit)),
            new(Wording.TotalHeader, ColumnSizing.Fit),
        ];
        var rows = categories.Select(c =>
            Cells(c.Name, c.Completed, c.MostlyCompleted, c.NotCompleted, c.NotReported, c.Total)).ToList();
        var totals = Cells(
            Wording.TotalHeader,
            categories.Sum(c => c.Completed),
            categories.Sum(c => c.MostlyCompleted),
            categories.Sum(c => c.NotCompleted),
            categories.Sum(c => c.NotReported),
            categories.Sum(c => c.Total));
        return Table(columns, rows, TableSize, totals);
    }

    private static FittedTable LaggingTable(IReadOnlyList<YearLagging> lagging)
    {
        TableColumn[] columns =
        [
            new(Wording.NumberHeader, ColumnSizing.Fit),
            new(Wording.CategoryHeader, ColumnSizing.Capped, BulletinDocument.CategoryCells),
            new(Wording.LeadUnitHeader, ColumnSizing.Capped, BulletinDocument.LeadUnitCells),
            new(Wording.OutcomeHeader, ColumnSizing.Fit),
            new(Wording.ReasonHeader, ColumnSizing.Fill, BulletinDocument.TextCells),
        ];
        return Table(
            columns,
            lagging.Select(l => new CellText[]
            {
                l.Number, l.Category, l.LeadUnits, OutcomeCell(l.Outcome), l.Reason,
            }).ToList(),
            SmallTableSize);
    }

    /// <summary>基本完成 on yellow, 未完成 and 未报 on red: the word stays for grey printers.</summary>
    private static CellText OutcomeCell(string outcome) => outcome == Outcomes[1].Name
        ? LightCell(outcome, "7F6000", YellowFill)
        : LightCell(outcome, "C00000", RedFill);

    private static IEnumerable<OpenXmlElement> Ranking(YearData data)
    {
        if (data.RuleVersion is not { } version)
        {
            return [Body(Wording.NoRuleApplied)];
        }

        TableColumn[] columns =
        [
            new(Wording.RankHeader, ColumnSizing.Fit),
            new(Wording.UnitHeader, ColumnSizing.Capped, 2 * BulletinDocument.LeadUnitCells),
            new(Wording.ScoreHeader, ColumnSizing.Fit),
            new(Wording.DeductionsHeader, ColumnSizing.Fit),
        ];
        var rows = data.Ranking.Select(u => new CellText[]
        {
            u.Rank.ToString(Inv), u.UnitName, u.Score.ToString("0.##", Inv),
            u.Reasons.Count(r => r.Points > 0).ToString(Inv),
        }).ToList();
        return [Body(Wording.RankingBasis(version, data.Final)), Table(columns, rows, TableSize).Table];
    }

    private static CellText[] Cells(string name, params int[] numbers) =>
        [name, .. numbers.Select(n => new CellText(n.ToString(Inv)))];
}
