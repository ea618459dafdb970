using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Documents.Sheets;

namespace Platform.Reporting.Tests.Sheets;

/// <summary>
/// The sheet writer's workbook read back as OpenXml: widths from the content, the header frozen, filtered and repeated
/// on every printed page, A4 landscape one page wide, page numbers, numbers as numbers and lights as coloured cells.
/// </summary>
public sealed class SheetWriterTests
{
    private static readonly SheetContent Ledger = new(
        "台账",
        [new SheetColumn("序号"), new SheetColumn("名称"), new SheetColumn("code"), new SheetColumn("灯")],
        [
            [SheetCell.Of(1), "区发展改革委员会", "district", SheetCell.Toned("红灯", CellTone.Red)],
            [SheetCell.Of(2.50m), "区市场监管局", "market", SheetCell.Toned("绿灯", CellTone.Green)],
        ])
    {
        Titles = ["某区2023年10月重点任务推进情况台账", "生成时间：2023-11-01 09:30（北京时间）"],
    };

    [Fact]
    public void ChineseTextMakesAColumnTwiceAsWideAsTheSameNumberOfLatinLetters()
    {
        var columns = Columns(SheetWriter.Write(Ledger));
        // 区发展改革委员会: 8 characters, 16 cells; district: 8 letters, 8 cells.
        Assert.Equal(16 + SheetLayout.Padding, columns[1]);
        Assert.Equal(8 + SheetLayout.Padding, columns[2]);
        Assert.True(columns[1] > columns[2] + 6);
    }

    [Fact]
    public void TheHeaderBelowTheTitlesIsFrozenFilteredAndPrintedOnEveryPage()
    {
        using var document = Open(SheetWriter.Write(Ledger));
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        var titles = names.Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.Equal(0u, titles.LocalSheetId!.Value);
        Assert.Equal("'台账'!$3:$3", titles.Text);
        var filterName = names.Single(n => n.Name == "_xlnm._FilterDatabase");
        Assert.True(filterName.Hidden!.Value);
        Assert.Equal("'台账'!$A$3:$D$5", filterName.Text);

        var sheet = workbook.WorksheetParts.Single().Worksheet;
        Assert.Equal("A3:D5", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(
            (3d, "A4", PaneStateValues.Frozen),
            (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));

        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal("某区2023年10月重点任务推进情况台账", rows[0].InnerText);
        Assert.Equal(["序号", "名称", "code", "灯"], rows[2].Elements<Cell>().Select(c => c.InnerText));
        Assert.Contains(sheet.Descendants<MergeCell>(), m => m.Reference == "A1:D1");

        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var header = Format(styles, rows[2].Elements<Cell>().First());
        Assert.True(header.Alignment!.WrapText!.Value);
        Assert.NotNull(Font(styles, header).Bold);
        Assert.Equal("FFD9D9D9", Fill(styles, header).PatternFill!.ForegroundColor!.Rgb!.Value);
        Assert.NotEqual(0u, header.BorderId!.Value);
        var title = Font(styles, Format(styles, rows[0].Elements<Cell>().First()));
        Assert.True(title.FontSize!.Val!.Value > Font(styles, header).FontSize!.Val!.Value);
    }

    [Fact]
    public void ItPrintsA4LandscapeOnePageWideWithPageNumbersInTheFooter()
    {
        using var document = Open(SheetWriter.Write(Ledger));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.True(sheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        var setup = sheet.GetFirstChild<PageSetup>()!;
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal((1u, 0u), (setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.True(sheet.GetFirstChild<PrintOptions>()!.HorizontalCentered!.Value);
        var footer = sheet.GetFirstChild<HeaderFooter>()!;
        Assert.Equal("&C第 &P 页，共 &N 页", footer.OddFooter!.Text);
        Assert.Equal("&C第 &P 页，共 &N 页", footer.FirstFooter!.Text);
        Assert.Contains("某区2023年10月", footer.OddHeader!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersAreNumericCellsAndLightsAreColouredCellsWithTheirWord()
    {
        using var document = Open(SheetWriter.Write(Ledger));
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var first = rows[3].Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, first[0].DataType!.Value);
        Assert.Equal("1", first[0].CellValue!.Text);
        Assert.Equal("2.5", rows[4].Elements<Cell>().First().CellValue!.Text);
        Assert.Equal("红灯", first[3].InnerText);
        var red = Fill(styles, Format(styles, first[3])).PatternFill!;
        var green = Fill(styles, Format(styles, rows[4].Elements<Cell>().Last())).PatternFill!;
        Assert.Equal(PatternValues.Solid, red.PatternType!.Value);
        Assert.NotEqual(red.ForegroundColor!.Rgb!.Value, green.ForegroundColor!.Rgb!.Value);
        Assert.Equal("FFFFFFFF", Font(styles, Format(styles, first[3])).Color!.Rgb!.Value);
        Assert.Equal(0u, Format(styles, first[1]).FillId!.Value);
    }

    [Fact]
    public void ALongTextWrapsInACappedColumnAndItsRowGrowsForTheLines()
    {
        var text = string.Concat(Enumerable.Repeat("推进工程建设项目审批制度改革", 10));
        var sheet = new SheetContent("长文本", [new SheetColumn("序号"), new SheetColumn("工作进展情况")], [["1", text]]);
        using var document = Open(SheetWriter.Write(sheet));
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var width = worksheet.Descendants<Column>().Last().Width!.Value;
        Assert.Equal(50, width);
        var row = worksheet.Descendants<Row>().Last();
        Assert.True(row.CustomHeight!.Value);
        // 140 characters, 280 cells, at most 50 a line: 6 lines.
        Assert.Equal(6, SheetLayout.Lines(text, 50));
        Assert.Equal(SheetLayout.Height([text], [50]), row.Height!.Value);
        Assert.True(row.Height!.Value >= 6 * 14);
        Assert.True(Format(document.WorkbookPart.WorkbookStylesPart!.Stylesheet, row.Elements<Cell>().Last())
            .Alignment!.WrapText!.Value);
    }

    [Fact]
    public void ATableWiderThanThePageHasItsLongColumnsNarrowed()
    {
        var text = string.Concat(Enumerable.Repeat("存在的问题", 12));
        var columns = Enumerable.Range(1, 8).Select(k => new SheetColumn($"栏目{k}")).ToList();
        var sheet = new SheetContent("宽表", columns, [Enumerable.Repeat(SheetCell.Of(text), 8).ToList()]);
        var widths = SheetLayout.Widths(sheet);
        Assert.True(widths.Sum() <= SheetContent.DefaultPageWidth, $"{widths.Sum()} cells");
        Assert.All(widths, w => Assert.InRange(w, SheetLayout.NarrowestLongColumn, 50));
    }

    [Fact]
    public void ASheetNameIsMadeOneExcelAccepts()
    {
        Assert.Equal("2023-10 台账", SheetWriter.Name("2023/10 台账"));
        Assert.Equal("a-b-c-d-e-f-g", SheetWriter.Name("a[b]c:d*e?f\\g"));
        Assert.Equal(31, SheetWriter.Name(new string('长', 40)).Length);
        using var document = Open(SheetWriter.Write(Ledger with { Name = "2023/10 台账" }));
        Assert.Equal("2023-10 台账", document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void ACharacterXmlCannotCarryIsDroppedAndTheWorkbookStillOpens()
    {
        // A vertical tab, a NUL, a lone surrogate and U+FFFF: each makes an XML part Excel refuses. A surrogate pair
        // (𠀋, outside the basic plane) is a real character and stays.
        var sheet = SheetContent.OfText("单位\u000b", ["名称\0"], [["区发展\uD800改革委\uFFFF"], ["𠀋区\u0001"]]) with
        {
            Titles = ["台账\u0008"],
        };
        using var document = Open(SheetWriter.Write(sheet));
        var workbook = document.WorkbookPart!;
        Assert.Equal("单位", workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        var texts = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.InnerText).ToList();
        Assert.Equal(["台账", "名称", "区发展改革委", "𠀋区"], texts);
    }

    [Fact]
    public void WithoutTitlesTheHeaderIsTheFirstRow()
    {
        var sheet = SheetContent.OfText("单位", ["名称", "别名"], [["区发展改革委", "区发改委"]]);
        using var document = Open(SheetWriter.Write(sheet, sheet with { Name = "人员" }));
        var workbook = document.WorkbookPart!;
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>()
            .Where(n => n.Name == "_xlnm.Print_Titles")
            .Select(n => (n.LocalSheetId!.Value, n.Text))
            .ToList();
        Assert.Equal([(0u, "'单位'!$1:$1"), (1u, "'人员'!$1:$1")], titles);
        var first = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.Equal("名称别名", first.Worksheet.Descendants<Row>().First().InnerText);
        Assert.Equal(1d, first.Worksheet.Descendants<Pane>().Single().VerticalSplit!.Value);
        Assert.Equal("A1:B2", first.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Null(first.Worksheet.GetFirstChild<HeaderFooter>()!.OddHeader);
    }

    private static SpreadsheetDocument Open(byte[] content) =>
        SpreadsheetDocument.Open(new MemoryStream(content), false);

    private static List<double> Columns(byte[] content)
    {
        using var document = Open(content);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>()
            .Select(c => c.Width!.Value)
            .ToList();
    }

    private static CellFormat Format(Stylesheet styles, Cell cell) =>
        styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);

    private static Font Font(Stylesheet styles, CellFormat format) =>
        styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);

    private static Fill Fill(Stylesheet styles, CellFormat format) =>
        styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
}
