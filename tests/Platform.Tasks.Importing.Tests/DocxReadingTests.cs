using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>Word specifics: automatic numbering, tables with merged cells, one table per category.</summary>
public sealed class DocxReadingTests
{
    [Fact]
    public void AutomaticListNumberingIsReadAsPrinted()
    {
        var docx = Build(main =>
        {
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "（%1）" }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%2." }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 5 });
            return
            [
                DocxFixtureBuilder.Paragraph("2024年重点任务清单"),
                Numbered("市场准入（牵头单位：区市场监管局）", 0),
                Numbered("推行企业开办“一网通办”。", 1),
                Numbered("推进“证照分离”改革。", 1),
                Numbered("纳税（牵头单位：区税务局）", 0),
                Numbered("推行电子发票。", 1),
            ];
        });

        var parsed = TaskListImporter.Parse(docx, "list.docx");

        Assert.Equal([("一", "市场准入"), ("二", "纳税")], parsed.Categories.Select(c => (c.Number, c.Title)));
        Assert.Equal([("1", "市场准入"), ("2", "市场准入"), ("1", "纳税")], parsed.Tasks.Select(t => (t.Number, t.Category!)));
        Assert.Equal(["区税务局"], parsed.Tasks[2].LeadUnits);
    }

    [Fact]
    public void TablePerCategoryWithSpanningHeadingRowsAndMergedLeadCells()
    {
        var docx = Build(_ =>
        [
            DocxFixtureBuilder.Paragraph("2024年重点任务清单"),
            Table(
                Row("序号", "重点任务", "牵头单位", "责任单位"),
                SpanRow("（一）市场准入（责任领导：赵军）", 4),
                Row(("1", null), ("推行企业开办“一网通办”。", null), ("区市场监管局", MergedCellValues.Restart), ("区税务局", null)),
                Row(("2", null), ("推进“证照分离”改革。", null), ("", MergedCellValues.Continue), ("区商务委", null))),
            DocxFixtureBuilder.Paragraph("（二）纳税"),
            Table(
                Row("序号", "重点任务", "牵头单位", "责任单位"),
                Row("1", "推行电子发票。", "区税务局", "区财政局\n区大数据发展局")),
        ]);

        var parsed = TaskListImporter.Parse(docx, "list.docx");

        Assert.Equal(["市场准入", "纳税"], parsed.Categories.Select(c => c.Title));
        Assert.Equal(["1", "2", "1"], parsed.Tasks.Select(t => t.Number));
        Assert.Equal(["区市场监管局"], parsed.Tasks[1].LeadUnits);
        Assert.Equal(["赵军"], parsed.Tasks[0].Leaders);
        Assert.Equal(["区财政局", "区大数据发展局"], parsed.Tasks[2].ResponsibleUnits);
        Assert.Equal("纳税", parsed.Tasks[2].Category);
    }

    [Fact]
    public void TableWithoutTaskHeaderIsReadAsParagraphs()
    {
        var docx = Build(_ =>
        [
            DocxFixtureBuilder.Paragraph("2024年重点任务清单"),
            Table(Row("一、纳税（牵头单位：区税务局）"), Row("1.推行电子发票。"), Row("2.优化退税流程。")),
        ]);

        var parsed = TaskListImporter.Parse(docx, "list.docx");

        Assert.Equal(["1", "2"], parsed.Tasks.Select(t => t.Number));
        Assert.All(parsed.Tasks, t => Assert.Equal(["区税务局"], t.LeadUnits));
    }

    private static byte[] Build(Func<MainDocumentPart, OpenXmlElement[]> content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(content(main)));
        }

        return stream.ToArray();
    }

    private static Paragraph Numbered(string text, int level) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 5 })),
            new Run(new Text(text)));

    private static Table Table(params TableRow[] rows) => new([new TableProperties(), .. rows]);

    private static TableRow Row(params string[] cells) => Row(cells.Select(c => (c, (MergedCellValues?)null)).ToArray());

    private static TableRow Row(params (string Text, MergedCellValues? Merge)[] cells) =>
        new(cells.Select(c =>
        {
            var properties = new TableCellProperties();
            if (c.Merge is { } merge)
            {
                properties.Append(merge == MergedCellValues.Restart ? new VerticalMerge { Val = merge } : new VerticalMerge());
            }

            return new TableCell([properties, .. c.Text.Split('\n').Select(DocxFixtureBuilder.Paragraph)]);
        }));

    private static TableRow SpanRow(string text, int columns) =>
        new(new TableCell(new TableCellProperties(new GridSpan { Val = columns }), DocxFixtureBuilder.Paragraph(text)));
}
