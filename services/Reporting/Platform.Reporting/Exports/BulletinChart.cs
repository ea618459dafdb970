using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Documents;
using Platform.Documents.Word;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Platform.Reporting.Exports;

/// <summary>
/// The native stacked bar chart of the bulletin and the year's document: an editable chart part rather than a
/// picture, so the office can restyle it in Word and the figures stay readable in the file. The bars run across so
/// that long category names print level on one line each, not turned and broken a character at a time.
/// </summary>
internal static class BulletinChart
{
    private const string ChartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const long ChartWidthEmu = 5_400_000;
    private const long EmuPerMm = 36_000;
    private const uint CategoryAxisId = 48_650_112;
    private const uint ValueAxisId = 48_672_768;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A native stacked bar chart: a bar per row, top-down in the rows' order, a series per value.</summary>
    public static Paragraph Paragraph<T>(
        MainDocumentPart main,
        IReadOnlyList<T> rows,
        Func<T, string> name,
        (string Name, string Color, Func<T, int> Value)[] series,
        string title)
    {
        var chartPart = main.AddNewPart<ChartPart>();
        chartPart.ChartSpace = BuildChartSpace(rows, name, series);
        var height = Math.Min(95, 25 + (9 * rows.Count)) * EmuPerMm;
        var inline = new DW.Inline(
            new DW.Extent { Cx = ChartWidthEmu, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(
                new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(chartPart) }) { Uri = ChartNamespace }));
        return new Paragraph(
            BulletinLayout.CenteredBlock(),
            new Run(new Drawing(inline)));
    }

    private static C.ChartSpace BuildChartSpace<T>(
        IReadOnlyList<T> categories,
        Func<T, string> name,
        (string Name, string Color, Func<T, int> Value)[] series)
    {
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        bar.Append(series.Select((light, i) => Series((uint)i, light, categories, name)));
        bar.Append(
            new C.GapWidth { Val = 80 },
            new C.Overlap { Val = 100 },
            new C.AxisId { Val = CategoryAxisId },
            new C.AxisId { Val = ValueAxisId });
        return BulletinLayout.DeclareNamespaces(new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(new C.Layout(), bar, CategoryAxis(), ValueAxis()),
                new C.Legend(
                    new C.LegendPosition { Val = C.LegendPositionValues.Bottom },
                    new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }),
            new C.TextProperties(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties(
                        new A.LatinFont { Typeface = OfficialFonts.Latin },
                        new A.EastAsianFont { Typeface = OfficialFonts.Body }) { FontSize = 1050 }),
                    new A.EndParagraphRunProperties { Language = "zh-CN" }))));
    }

    private static C.BarChartSeries Series<T>(
        uint index,
        (string Name, string Color, Func<T, int> Value) light,
        IReadOnlyList<T> categories,
        Func<T, string> name)
    {
        var column = (char)('B' + index);
        var lastRow = categories.Count + 1;
        var values = new C.NumberingCache(
            new C.FormatCode("General"),
            new C.PointCount { Val = (uint)categories.Count });
        values.Append(categories.Select((c, i) =>
            new C.NumericPoint(new C.NumericValue(light.Value(c).ToString(Inv))) { Index = (uint)i }));
        return new C.BarChartSeries(
            new C.Index { Val = index },
            new C.Order { Val = index },
            new C.SeriesText(new C.StringReference(new C.Formula($"Sheet1!${column}$1"), StringCache([light.Name]))),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = light.Color })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(
                new C.Formula($"Sheet1!$A$2:$A${lastRow}"), StringCache(categories.Select(name).ToList()))),
            new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${column}$2:${column}${lastRow}"), values)));
    }

    private static C.StringCache StringCache(IReadOnlyList<string> texts)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)texts.Count });
        cache.Append(texts.Select((t, i) =>
            new C.StringPoint(new C.NumericValue(XmlText.Clean(t))) { Index = (uint)i }));
        return cache;
    }

    /// <summary>The names on the left, reversed (max to min) so the first row's bar is the top one.</summary>
    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = CategoryAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = ValueAxisId },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 });

    /// <summary>The figures along the bottom: at the last category, which the reversed axis draws lowest.</summary>
    private static C.ValueAxis ValueAxis() => new(
        new C.AxisId { Val = ValueAxisId },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.MajorGridlines(),
        new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = CategoryAxisId },
        new C.Crosses { Val = C.CrossesValues.Maximum },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between });
}
