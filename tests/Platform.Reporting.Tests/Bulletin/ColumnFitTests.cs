using Platform.Documents;
using Platform.Documents.Word;

namespace Platform.Reporting.Tests.Bulletin;

/// <summary>The column widths of the documents' tables, from their content.</summary>
public sealed class ColumnFitTests
{
    private const int Size = 21;
    private const int Cell = Size * 5;
    private const int Padding = 170;

    [Fact]
    public void NarrowColumnsFitTheirWidestEntryAndTheTextColumnsShareTheRest()
    {
        TableColumn[] columns =
        [
            new("序号", ColumnSizing.Fit), new("类别", ColumnSizing.Capped, 16), new("灯色", ColumnSizing.Fit),
            new("原因", ColumnSizing.Fill, 20), new("存在的问题", ColumnSizing.Fill, 20),
        ];
        string[][] rows =
        [
            ["2023-015", "市场准入", "红灯", new string('因', 40), new string('题', 80)],
            ["7", "获得电力", "黄灯", "短", "短"],
        ];

        var widths = ColumnFit.Widths(columns, rows, 13777, Size, Padding)!;

        Assert.Equal((TextWidth.Of("2023-015") + 1) * Cell + Padding, widths[0]);
        Assert.Equal((TextWidth.Of("市场准入") + 1) * Cell + Padding, widths[1]);
        Assert.Equal((TextWidth.Of("红灯") + 1) * Cell + Padding, widths[2]);
        Assert.Equal(13777, widths.Sum());
        Assert.True(widths[4] > widths[3], "the longer text gets the wider share");
    }

    [Fact]
    public void ATableWhoseTextColumnsWouldGetLessThanTheirMinimumDoesNotFit()
    {
        TableColumn[] columns = [new("类别", ColumnSizing.Capped, 24), new("原因", ColumnSizing.Fill, 40)];
        string[][] rows = [[new string('类', 12), new string('因', 60)]];

        Assert.Null(ColumnFit.Widths(columns, rows, 4000, Size, Padding));
        Assert.NotNull(ColumnFit.Widths(columns, rows, 8845, Size, Padding));
    }

    [Fact]
    public void ACappedNameWrapsWithoutALoneCharacterAndShorterNamesDoNotWrap()
    {
        // 国网重庆市区供电分公司 (22 cells) at the cap of 20 would leave 司 alone; 18 cells wrap it 9 + 2.
        int[] units = [TextWidth.Of("国网重庆市区供电分公司"), TextWidth.Of("区规划自然资源局"), TextWidth.Of("区商务委")];
        Assert.Equal(18, ColumnFit.Capped(units, TextWidth.Of("牵头单位"), 20));

        // Within the cap, the widest name sets the width.
        Assert.Equal(14, ColumnFit.Capped([14, 8], 4, 16));
        // 优化营商环境提升城市能级 (24) wraps 8 + 4 at the cap; 工程建设项目审批 (16) stays on one line.
        Assert.Equal(16, ColumnFit.Capped([24, 16, 14], 4, 16));
    }
}
