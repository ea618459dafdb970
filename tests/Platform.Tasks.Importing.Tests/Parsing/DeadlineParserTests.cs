using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

public sealed class DeadlineParserTests
{
    [Theory]
    [InlineData("2023年6月底前完成", "2023-06-30", "2023年6月底前")]
    [InlineData("年底前完成", "2024-12-31", "年底前")]
    [InlineData("2023年年底前", "2023-12-31", "2023年年底前")]
    [InlineData("9月底上线", "2024-09-30", "9月底")]
    [InlineData("2月底前", "2024-02-29", "2月底前")]
    [InlineData("年内建成", "2024-12-31", "年内")]
    [InlineData("上半年完成", "2024-06-30", "上半年")]
    [InlineData("第三季度末前完成", "2024-09-30", "第三季度末前")]
    [InlineData("2024年3月31日前完成", "2024-03-31", "2024年3月31日前")]
    [InlineData("二〇二四年十月底前完成", "2024-10-31", "二〇二四年十月底前")]
    public void DatedPhraseGivesItsDate(string text, string date, string phrase)
    {
        var match = Assert.Single(DeadlineParser.FindDated(TextNormalizer.Normalize(text), text, 2024));

        Assert.Equal(
            (DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), phrase),
            (match.Date!.Value, match.Text));
    }

    [Theory]
    [InlineData("长期坚持")]
    [InlineData("持续推进")]
    public void OngoingCellHasNoDate(string cell)
    {
        var match = DeadlineParser.ParseCell(cell, cell, 2024);

        Assert.NotNull(match);
        Assert.Null(match.Date);
        Assert.Equal(cell, match.Text);
    }

    [Fact]
    public void DateWithoutBeforeInRunningTextIsAnEventNotADeadline() =>
        Assert.Empty(DeadlineParser.FindDated("2024年6月28日印发实施", "2024年6月28日印发实施", 2024));

    [Fact]
    public void OngoingVerbInsideASentenceIsNotADeadline() =>
        Assert.Null(DeadlineParser.FindStandaloneOngoing("持续推进电子证照应用", "持续推进电子证照应用"));
}
