using System.Text;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>PDF specifics: paragraphs wrapped over lines and pages read as one line; page numbers are not text.</summary>
public sealed class PdfReadingTests
{
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
}
