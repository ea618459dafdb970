using Platform.Reporting.Exports;
using Platform.Testing;

namespace Platform.Reporting.Tests.Bulletin;

/// <summary>
/// The bulletin and the year's document as LibreOffice prints them, on a month of forty lagging tasks with long names
/// and reasons: A4, the lagging table on landscape pages, no column squeezed to a character or two a line, no English,
/// every page numbered. The first pages are kept as PNGs beside the test screenshots.
/// </summary>
public sealed class BulletinRenderingTests
{
    [Fact]
    public async Task TheBulletinPrintsOnA4WithFittedTablesNoEnglishAndNumberedPages()
    {
        var docx = BulletinDocument.Write(BulletinSamples.Month());

        var rendered = await DocumentRendering.RenderAsync(
            docx, "bulletin.docx", pngName: "bulletin-sample", pngPages: 3);

        Assert.All(rendered.Pages, p => Assert.True(p.IsA4, $"page of {p.Width} × {p.Height} pt is not A4"));
        Assert.False(rendered.Pages[0].Landscape);
        Assert.Contains(rendered.Pages, p => p.Landscape);
        PrintChecks.AssertNoShortSegments(rendered, docx);
        PrintChecks.AssertNoLatinWords(rendered);
        AssertNumbered(rendered);
        // pdftotext sets a space between Chinese and figures and breaks the lines: compare without white space.
        var text = string.Concat(string.Join(string.Empty, rendered.PageTexts).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("重点任务推进情况通报", text);
        var t = BulletinSamples.Month().Totals;
        Assert.Contains($"已报送{t.Reported}项，其中按时报送{t.OnTime}项、已审核{t.Accepted}项", text);
    }

    [Fact]
    public async Task TheYearsDocumentPrintsInTheSameLayout()
    {
        var docx = YearDocument.Write(BulletinSamples.Year());

        var rendered = await DocumentRendering.RenderAsync(docx, "year.docx", pngName: "year-sample", pngPages: 3);

        Assert.All(rendered.Pages, p => Assert.True(p.IsA4, $"page of {p.Width} × {p.Height} pt is not A4"));
        Assert.False(rendered.Pages[0].Landscape);
        PrintChecks.AssertNoShortSegments(rendered, docx);
        PrintChecks.AssertNoLatinWords(rendered);
        AssertNumbered(rendered);
        Assert.Contains("重点任务完成情况", rendered.PageTexts[0]);
    }

    /// <summary>Each page carries its number, <c>— n —</c>, in the footer, landscape pages too.</summary>
    private static void AssertNumbered(RenderedDocument rendered)
    {
        Assert.True(rendered.Pages.Count >= 2, $"{rendered.Pages.Count} page(s); expected the tables to run on");
        for (var page = 1; page <= rendered.Pages.Count; page++)
        {
            // pdftotext may drop the thin spaces beside the dashes: — 1 — or —1—.
            Assert.Matches($@"—\s*{page}\s*—", rendered.PageTexts[page - 1]);
        }
    }
}
