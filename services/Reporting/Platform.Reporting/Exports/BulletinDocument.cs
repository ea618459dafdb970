using System.Globalization;
using DocumentFormat.OpenXml;
using Platform.Documents.Word;
using Platform.Reporting.Domain;
using static Platform.Reporting.Exports.BulletinLayout;

namespace Platform.Reporting.Exports;

/// <summary>
/// Renders a <see cref="BulletinData"/> as the office sends it up: an official document (see
/// <see cref="BulletinLayout"/>) with the title, the date line and four numbered sections — the figures, the lights by
/// category (a native stacked chart and a table), the lagging tasks and the units with late reports. Every phrase comes
/// from <see cref="Wording"/> or from the data.
/// </summary>
public static class BulletinDocument
{
    /// <summary>
    /// A category's name wraps past 8 characters, a lead unit's past 10 (in even lines, see
    /// <see cref="ColumnFit.Balanced"/>): wider, they would leave the reasons a few characters a line.
    /// </summary>
    public const int CategoryCells = 16;

    /// <summary>A lead unit's name wraps past 10 characters (see <see cref="CategoryCells"/>).</summary>
    public const int LeadUnitCells = 20;

    /// <summary>A reason or a problem gets at least 10 characters a line, else the table turns to landscape.</summary>
    public const int TextCells = 20;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Name, string Color, Func<BulletinCategory, int> Value)[] Lights =
    [
        (Wording.LightName(Light.Green), "2E7D32", c => c.Green),
        (Wording.LightName(Light.Yellow), "F9A825", c => c.Yellow),
        (Wording.LightName(Light.Red), "C62828", c => c.Red),
    ];

    /// <summary>Builds the bulletin and returns the .docx bytes.</summary>
    /// <param name="data">Bulletin content; every string is treated as plain text.</param>
    /// <exception cref="ArgumentException"><see cref="BulletinData.Period"/> is not <c>yyyy-MM</c>.</exception>
    public static byte[] Write(BulletinData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!DateOnly.TryParseExact(data.Period, "yyyy-MM", Inv, DateTimeStyles.None, out var month))
        {
            throw new ArgumentException($"Period must be yyyy-MM, got '{data.Period}'.", nameof(data));
        }

        return BulletinLayout.Write(main =>
        {
            var blocks = new List<(OpenXmlElement, bool)>
            {
                (Title(Wording.BulletinTitle(data.DistrictName, month.Year, month.Month), Wording.BulletinSubject),
                    false),
                (DateLine(Wording.DateLine(data.GeneratedOn)), false),
                (Heading(Wording.OverallHeading), false),
                (Body(Summary(data.Totals)), false),
                (Heading(Wording.CategoryLightsHeading), false),
            };
            if (data.Categories.Count == 0)
            {
                blocks.Add((Body(Wording.NoData), false));
            }
            else
            {
                blocks.Add((Body(Wording.CategoryLead(data.Categories.Count)), false));
                var chart = BulletinChart.Paragraph(
                    main, data.Categories, c => c.Name, Lights, Wording.CategoryLightsChart);
                blocks.Add((chart, false));
                blocks.Add((CategoryTable(data.Categories).Table, false));
            }

            var lagging = data.Lagging.Count == 0 ? null : LaggingTable(data.Lagging);
            var turn = lagging?.Landscape == true;
            blocks.Add((Heading(Wording.LaggingHeading), turn));
            if (lagging is null)
            {
                blocks.Add((Body(Wording.NoLagging), turn));
            }
            else
            {
                var red = data.Lagging.Count(l => l.Light == Wording.LightShort(Light.Red));
                blocks.Add((Body(Wording.LaggingLead(data.Lagging.Count, red, data.Lagging.Count - red)), turn));
                blocks.Add((lagging.Table, turn));
            }

            blocks.Add((Heading(Wording.LateUnitsHeading), turn));
            if (data.LateUnits.Count == 0)
            {
                blocks.Add((Body(Wording.NoLateUnits), turn));
            }
            else
            {
                blocks.Add((Body(Wording.LateUnitsLead(data.LateUnits.Count, data.LateUnits.Sum(u => u.Late))), turn));
                blocks.Add((LateUnitTable(data.LateUnits).Table, turn));
            }

            return blocks;
        });
    }

    /// <summary>
    /// The summary as the figures say it: on time and accepted are parts of reported (其中), never more than it.
    /// </summary>
    public static string Summary(BulletinTotals t) => Wording.BulletinSummary(
        t.Tasks, t.Reported, t.OnTime, t.Accepted, t.Overdue, t.Green, t.Yellow, t.Red, t.Disagreements);

    private static FittedTable CategoryTable(IReadOnlyList<BulletinCategory> categories)
    {
        var rows = categories.Select(c => Cells(c.Name, c.Green, c.Yellow, c.Red, c.Green + c.Yellow + c.Red))
            .ToList();
        int green = categories.Sum(c => c.Green),
            yellow = categories.Sum(c => c.Yellow),
            red = categories.Sum(c => c.Red);
        var totals = Cells(Wording.TotalHeader, green, yellow, red, green + yellow + red);
        TableColumn[] columns =
        [
            new(Wording.CategoryHeader, ColumnSizing.Capped, CategoryCells),
            .. Lights.Select(l => new TableColumn(l.Name, ColumnSizing.Fit)),
            new(Wording.TotalHeader, ColumnSizing.Fit),
        ];
        return Table(columns, rows, TableSize, totals);
    }

    private static CellText[] Cells(string name, params int[] numbers) =>
        [name, .. numbers.Select(n => new CellText(n.ToString(Inv)))];

    private static FittedTable LaggingTable(IReadOnlyList<BulletinLagging> lagging)
    {
        TableColumn[] columns =
        [
            new(Wording.NumberHeader, ColumnSizing.Fit),
            new(Wording.CategoryHeader, ColumnSizing.Capped, CategoryCells),
            new(Wording.LeadUnitHeader, ColumnSizing.Capped, LeadUnitCells),
            new(Wording.LightHeader, ColumnSizing.Fit),
            new(Wording.ReasonHeader, ColumnSizing.Fill, TextCells),
            new(Wording.ProblemsHeader, ColumnSizing.Fill, TextCells),
        ];
        var rows = lagging.Select(l => new CellText[]
        {
            l.Number,
            l.Category,
            l.LeadUnit,
            LightCell(l.Light),
            Wording.Printable(l.Reasons),
            l.Problems,
        }).ToList();
        return Table(columns, rows, SmallTableSize);
    }

    /// <summary>
    /// 红 or 黄 as the light cell prints it: the word, in colour on a tint, for colour and grey printers alike.
    /// </summary>
    private static CellText LightCell(string light)
    {
        if (light == Wording.LightShort(Light.Red))
        {
            return BulletinLayout.LightCell(Wording.LightName(Light.Red), "C00000", RedFill);
        }

        return light == Wording.LightShort(Light.Yellow)
            ? BulletinLayout.LightCell(Wording.LightName(Light.Yellow), "7F6000", YellowFill)
            : BulletinLayout.LightCell(Wording.LightName(Light.Green), "375623", GreenFill);
    }

    private static FittedTable LateUnitTable(IReadOnlyList<BulletinLateUnit> units)
    {
        TableColumn[] columns =
        [
            new(Wording.NumberHeader, ColumnSizing.Fit),
            new(Wording.UnitHeader, ColumnSizing.Capped, 2 * LeadUnitCells),
            new(Wording.OverdueCountHeader, ColumnSizing.Fit),
        ];
        var rows = units.Select((u, i) => new CellText[]
        {
            (i + 1).ToString(Inv), u.Unit, u.Late.ToString(Inv),
        }).ToList();
        return Table(columns, rows, TableSize);
    }
}
