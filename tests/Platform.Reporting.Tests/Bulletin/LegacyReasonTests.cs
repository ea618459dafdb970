using Platform.Reporting.Domain;

namespace Platform.Reporting.Tests.Bulletin;

/// <summary>
/// The reasons older versions stored with an English gloss print in today's Chinese words: the one place that strips
/// them, <see cref="Wording.Printable"/>.
/// </summary>
public sealed class LegacyReasonTests
{
    [Fact]
    public void EachLegacyGlossPrintsAsTheCurrentChinesePhrase()
    {
        var due = new DateOnly(2023, 7, 31);
        Assert.Equal(
            Wording.ReportOverdue("2023-07", due),
            Wording.Printable("2023-07 月报逾期未报 (report overdue since 2023-07-31)"));
        Assert.Equal(
            Wording.ReportWithinGrace("2023-07", new DateOnly(2023, 8, 5)),
            Wording.Printable("2023-07 月报未报，宽限期至 2023-08-05 (report due, within grace)"));
        Assert.Equal(
            Wording.BehindPace("由50个工作日压减至45个工作日", 35),
            Wording.Printable("由50个工作日压减至45个工作日: 落后序时进度 35 个百分点 (behind pace)"));
        Assert.Equal(
            Wording.ClosedAndVerified(new DateOnly(2023, 6, 30)),
            Wording.Printable("已办结，2023-06-30 核验通过 (closed and verified)"));
        Assert.Equal(Wording.DoneAndAccepted, Wording.Printable("已办结并通过审核 (done and accepted)"));
    }

    [Fact]
    public void ReasonsJoinedInOneRowAreEachCleanedAndChineseTextIsLeftAlone()
    {
        Assert.Equal(
            "2023-07 月报逾期未报（应于 2023-07-31 前报送）；已办结并通过审核",
            Wording.Printable("2023-07 月报逾期未报 (report overdue since 2023-07-31)；已办结并通过审核 (done and accepted)"));
        const string current = "新增5G基站（含室分系统）：落后序时进度 12 个百分点";
        Assert.Equal(current, Wording.Printable(current));
        Assert.Equal("PM2.5 浓度 (35)", Wording.Printable("PM2.5 浓度 (35)"));
        // Only the glosses an earlier version wrote go: a target's own words in brackets stay as the office wrote them.
        Assert.Equal(
            "地区生产总值(GDP)增长6%：落后序时进度 12 个百分点",
            Wording.Printable("地区生产总值(GDP)增长6%: 落后序时进度 12 个百分点 (behind pace)"));
        Assert.Equal(string.Empty, Wording.Printable(null));
    }
}
