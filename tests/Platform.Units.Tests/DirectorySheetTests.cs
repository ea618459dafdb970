using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Testing;
using Platform.Units.Directory;

namespace Platform.Units.Tests;

/// <summary>
/// The directory workbook as the platform's sheet writer makes it: its header stays the first row (the importer reads
/// it back), frozen, filtered and printed on every page; it prints A4 landscape one page wide; and a workbook written
/// the old way (bare inline strings, no references, no styles) still reads.
/// </summary>
public sealed class DirectorySheetTests
{
    [Fact]
    public void TheTemplateKeepsItsHeaderFirstFrozenAndFilteredAndReadsBack()
    {
        var template = DirectorySheet.Template();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(
                [DirectorySheet.UnitsSheet, DirectorySheet.AccountsSheet, "说明"],
                sheets.Select(s => s.Name!.Value));
            var units = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
            var header = units.Worksheet.Descendants<Row>().First();
            Assert.Equal(1u, header.RowIndex!.Value);
            Assert.Equal(DirectorySheet.UnitHeaders, header.Elements<Cell>().Select(c => c.InnerText));
            Assert.Equal(1d, units.Worksheet.Descendants<Pane>().Single().VerticalSplit!.Value);
            Assert.Equal("A1:D3", units.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.Contains(
                workbook.Workbook.DefinedNames!.Elements<DefinedName>(),
                n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId?.Value == 0 && n.Text == "'单位'!$1:$1");
            var setup = units.Worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(
                (OrientationValues.Landscape, 1u, 0u),
                (setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            // The instructions' long lines wrap in a capped column instead of running off the page.
            var instructions = (WorksheetPart)workbook.GetPartById(sheets[2].Id!);
            Assert.Equal(50d, instructions.Worksheet.Descendants<Column>().Single().Width!.Value);
        }

        var (readUnits, readAccounts) = DirectorySheet.Read(template);
        Assert.Equal(["区发展改革委", "各街道办事处"], readUnits.Select(u => u.Name));
        Assert.Equal((3, "单位组"), (readUnits[1].Row, readUnits[1].Kind));
        Assert.Equal(["区发改委", "发展改革委"], readUnits[0].Aliases);
        Assert.Equal(
            ("yz.zhangsan", "13800000000", 2),
            (readAccounts[0].Username, readAccounts[0].Mobile, readAccounts[0].Row));
    }

    [Fact]
    public void AWorkbookWrittenTheOldWayStillReads()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(
                Row(DirectorySheet.UnitHeaders),
                Row(["区档案馆", "档案馆、区档案局", "", ""])));
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet
            {
                Id = workbook.GetIdOfPart(part), SheetId = 1, Name = DirectorySheet.UnitsSheet,
            });
            workbook.Workbook.Save();
        }

        var (units, accounts) = DirectorySheet.Read(stream.ToArray());
        Assert.Empty(accounts);
        var unit = Assert.Single(units);
        Assert.Equal((2, "区档案馆"), (unit.Row, unit.Name));
        Assert.Equal(["档案馆", "区档案局"], unit.Aliases);
    }

    [Fact]
    public async Task TheTemplatePrintsLandscapeOnePageWide()
    {
        var rendered = await DocumentRendering.RenderAsync(
            DirectorySheet.Template(), "directory-template.xlsx", "directory-template", 3);

        Assert.Equal(3, rendered.Pages.Count);
        Assert.All(rendered.Pages, p => Assert.True(p.IsA4 && p.Landscape, $"a page of {p.Width} x {p.Height}"));
        // Each sheet on one page with its first and last column: nothing spilled onto a page to the right.
        Assert.Contains("名称", rendered.PageTexts[0], StringComparison.Ordinal);
        Assert.Contains("所属单位组", rendered.PageTexts[0], StringComparison.Ordinal);
        Assert.Contains("用户名", rendered.PageTexts[1], StringComparison.Ordinal);
        Assert.Contains("13800000000", rendered.PageTexts[1], StringComparison.Ordinal);
        Assert.Contains("示例行请删除", rendered.PageTexts[2], StringComparison.Ordinal);
        // LibreOffice numbers the pages through the workbook.
        Assert.All(rendered.PageTexts.Select((t, k) => (t, k)), p => Assert.Contains(
            $"第 {p.k + 1} 页，共 3 页", p.t, StringComparison.Ordinal));
    }

    private static Row Row(IEnumerable<string> cells) => new(cells.Select(text => new Cell
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    }));
}
