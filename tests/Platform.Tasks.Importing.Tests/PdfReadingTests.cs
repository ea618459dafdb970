using System.Text;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>
/// PDF specifics: paragraphs wrapped over lines and pages read as one line; page numbers are not text; tables drawn
/// without `|` rebuilt from the words' positions; pages in two columns read a column at a time.
/// </summary>
public sealed class PdfReadingTests
{
    [Theory]
    [InlineData("layout-e-pipe-table.txt")]
    [InlineData("layout-mixed-brackets-and-table.txt")]
    public void ATableDrawnWithoutPipesIsRebuiltFromTheWordsPositions(string fixture)
    {
        var pdf = PdfFixtureBuilder.Build(RepoFiles.FixtureText(fixture));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.DoesNotContain(document.GetPages(), p => p.Text.Contains('|'));
        }

        var lines = TaskListImporter.Read(pdf, "list.pdf");
        var text = TaskListImporter.Parse(Encoding.UTF8.GetBytes(RepoFiles.FixtureText(fixture)), "list.txt");
        var drawn = TaskListImporter.Parse(pdf, "list.pdf");

        Assert.Contains(lines, l => l.Cells is { Count: >= 5 } cells && cells[0] == "序号");
        Assert.Equal(
            text.Tasks.Select(t => (Row(t), t.Deadline)),
            drawn.Tasks.Select(t => (Row(t), t.Deadline)));
    }

    [Fact]
    public void ACellWrappedOverLinesIsOneCellAndTheRowsStayApart()
    {
        var task = "推行企业开办全程网办，" + string.Concat(Enumerable.Repeat("压缩办理环节和时间，", 6)) + "办理时间压减至1个工作日。";
        var pdf = PdfFixtureBuilder.Build(
            "2024年任务\n序号|事项|牵头单位|责任单位|完成时限\n"
            + $"1|{task}|区市场监管局|区税务局、区人力社保局、区公安分局、区住房城乡建委|2024年6月底前\n"
            + "2|推行电子发票。|区税务局|区财政局|年底前\n");

        var parsed = TaskListImporter.Parse(pdf, "list.pdf");

        Assert.Equal(["1", "2"], parsed.Tasks.Select(t => t.Number));
        Assert.Equal(task, parsed.Tasks[0].Text);
        Assert.Equal(["区税务局", "区人力社保局", "区公安分局", "区住房城乡建委"], parsed.Tasks[0].ResponsibleUnits);
        Assert.Equal(new DateOnly(2024, 6, 30), parsed.Tasks[0].Deadline);
    }

    [Fact]
    public void APageSetInTwoColumnsIsReadLeftColumnFirst()
    {
        string[] units = ["区市场监管局", "区税务局", "区政务服务办", "区住房城乡建委", "区商务委"];
        var source = new StringBuilder("2024年重点任务清单\n一、政务服务\n");
        for (var i = 1; i <= 40; i++)
        {
            source.Append($"{i}.推进第{i}项政务服务事项标准化，办理时间压减至{i % 5 + 1}个工作日。"
                + $"（牵头单位：{units[i % 5]}；责任单位：{units[(i + 1) % 5]}）\n");
        }

        var pdf = PdfFixtureBuilder.Build(source.ToString(), columns: 2);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // Both columns are filled on the first page.
            var first = document.GetPage(1);
            Assert.Contains(first.Letters, l => l.StartBaseLine.X > first.Width * 0.55);
        }

        var text = TaskListImporter.Parse(Encoding.UTF8.GetBytes(source.ToString()), "list.txt");
        var columns = TaskListImporter.Parse(pdf, "list.pdf");

        Assert.Equal(40, columns.Tasks.Count);
        Assert.Equal(text.Tasks.Select(Row), columns.Tasks.Select(Row));
    }

    [Fact]
    public void ParagraphWrappedOverSeveralLinesIsOneTask()
    {
        var longTask = "1." + string.Concat(Enumerable.Repeat("推进政务服务标准化规范化便利化建设，", 12)) + "全年新增事项30项。（牵头单位：区政务服务办）";
        var pdf = PdfFixtureBuilder.Build("2024年重点任务清单\n一、政务服务\n" + longTask + "\n2.优化“渝快办”功能。（牵头单位：区大数据发展局）");

        var parsed = TaskListImporter.Parse(pdf, "list.pdf");

        Assert.Equal(["1", "2"], parsed.Tasks.Select(t => t.Number));
        Assert.Equal(longTask[2..longTask.IndexOf('（', StringComparison.Ordinal)], parsed.Tasks[0].Text);
        Assert.Equal(30m, parsed.Tasks[0].Targets.Single().Value);
    }

    [Fact]
    public void TextSpreadOverManyPagesKeepsEveryTask()
    {
        var text = new StringBuilder("2024年重点任务清单\n一、政务服务（牵头单位：区政务服务办）\n");
        for (var i = 1; i <= 80; i++)
        {
            text.Append(i).Append(".推进第").Append(i).Append("项政务服务事项网上办理，实现全程网办。\n");
        }

        var parsed = TaskListImporter.Parse(PdfFixtureBuilder.Build(text.ToString()), "list.pdf");

        Assert.Equal(80, parsed.Tasks.Count);
        Assert.Equal("推进第80项政务服务事项网上办理，实现全程网办。", parsed.Tasks[^1].Text);
    }

    /// <summary>A task as the formats must agree on it: number, text, lead and responsible units.</summary>
    private static (string Number, string Text, string Lead, string Responsible) Row(ParsedTask task) =>
        (task.Number, task.Text, string.Join("、", task.LeadUnits), string.Join("、", task.ResponsibleUnits));
}
