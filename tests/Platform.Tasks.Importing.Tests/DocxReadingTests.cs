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
                    NumberingLevel(0, NumberFormatValues.ChineseCounting, "（%1）"),
                    NumberingLevel(1, NumberFormatValues.Decimal, "%2."))
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

    [Fact]
    public void HeadersAndFootersAreNotTheListAndATextBoxIsReadOnceAsItsOwnParagraphs()
    {
        // Word writes a text box twice: as DrawingML (mc:Choice) and as VML for older readers (mc:Fallback).
        const string textBox = """
            <w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
                 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
                 xmlns:v="urn:schemas-microsoft-com:vml">
              <w:r><w:t>二、纳税</w:t></w:r>
              <w:r><mc:AlternateContent>
                <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
                  <w:p><w:r><w:t>3.推行电子发票，开票时间压减至1天。（牵头单位：区税务局）</w:t></w:r></w:p>
                </w:txbxContent></wps:txbx></w:drawing></mc:Choice>
                <mc:Fallback><w:pict><v:textbox><w:txbxContent>
                  <w:p><w:r><w:t>3.推行电子发票，开票时间压减至1天。（牵头单位：区税务局）</w:t></w:r></w:p>
                </w:txbxContent></v:textbox></w:pict></mc:Fallback>
              </mc:AlternateContent></w:r>
            </w:p>
            """;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(DocxFixtureBuilder.Paragraph("4.内部资料 注意保密（牵头单位：区保密局）"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(DocxFixtureBuilder.Paragraph("— 1 —"));
            main.Document = new Document(new Body(
                DocxFixtureBuilder.Paragraph("2024年重点任务清单"),
                DocxFixtureBuilder.Paragraph("一、开办企业"),
                DocxFixtureBuilder.Paragraph("1.企业开办时间压减至1个工作日。（牵头单位：区市场监管局）"),
                DocxFixtureBuilder.Paragraph("2.推行电子营业执照。（牵头单位：区市场监管局）"),
                new Paragraph(textBox),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })));
        }

        var parsed = TaskListImporter.Parse(stream.ToArray(), "list.docx");

        Assert.Equal(["1", "2", "3"], parsed.Tasks.Select(t => t.Number));
        var boxed = parsed.Tasks[2];
        Assert.Equal(("纳税", "推行电子发票，开票时间压减至1天。"), (boxed.Category, boxed.Text));
        Assert.Equal(["区税务局"], boxed.LeadUnits);
        Assert.DoesNotContain(
            parsed.OtherText,
            t => t.Contains("内部资料", StringComparison.Ordinal) || t.Contains("— 1 —", StringComparison.Ordinal));
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

    private static Level NumberingLevel(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text })
        {
            LevelIndex = index,
        };

    private static Paragraph Numbered(string text, int level) =>
        new(new ParagraphProperties(new NumberingProperties(
            new NumberingLevelReference { Val = level },
            new NumberingId { Val = 5 })),
            new Run(new Text(text)));

    private static Table Table(params TableRow[] rows) => new([new TableProperties(), .. rows]);

    private static TableRow Row(params string[] cells)
        => Row(cells.Select(c => (c, (MergedCellValues?)null)).ToArray());

    private static TableRow Row(params (string Text, MergedCellValues? Merge)[] cells) =>
        new(cells.Select(c =>
        {
            var properties = new TableCellProperties();
            if (c.Merge is { } merge)
            {
                properties.Append(
                    merge == MergedCellValues.Restart ? new VerticalMerge { Val = merge } : new VerticalMerge());
            }

            return new TableCell([properties, .. c.Text.Split('\n').Select(DocxFixtureBuilder.Paragraph)]);
        }));

    private static TableRow SpanRow(string text, int columns) =>
        new(new TableCell(new TableCellProperties(new GridSpan { Val = columns }), DocxFixtureBuilder.Paragraph(text)));
}
