using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Platform.Contracts;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Tests;

/// <summary>
/// Indicators on the Chinese screens: a B-READY topic by its Chinese name with the English one in the tooltip, NDRC's
/// indicators as they are, and each set under its own heading.
/// </summary>
public sealed class IndicatorDisplayTests
{
    // The portal's pages write Chinese as it is (WebEncoderOptions in PortalExtensions), not as character references.
    private static readonly HtmlEncoder PortalEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    [Theory]
    [InlineData("Business Entry", "市场准入")]
    [InlineData("Business Location", "获取经营场所")]
    [InlineData("Utility Services", "市政公用服务")]
    [InlineData("Labor", "劳动就业")]
    [InlineData("Financial Services", "金融服务")]
    [InlineData("International Trade", "国际贸易")]
    [InlineData("Taxation", "纳税")]
    [InlineData("Dispute Resolution", "解决商业纠纷")]
    [InlineData("Market Competition", "促进市场竞争")]
    [InlineData("Business Insolvency", "办理破产")]
    public void ATopicShowsItsChineseNameAndKeepsTheEnglishInTheTooltip(string topic, string chinese)
    {
        Assert.Equal($"<span class=\"indicator\" title=\"{topic}\">{chinese}</span>", Html(Display.Indicator(topic)));
    }

    [Fact]
    public void EveryTopicHasAChineseName()
    {
        Assert.Equal(CanonicalIndicators.BReady.Count, CanonicalIndicators.BReadyChinese.Count);
        Assert.All(CanonicalIndicators.BReady, t => Assert.NotEqual(t, CanonicalIndicators.ChineseName(t)));
        Assert.All(CanonicalIndicators.BReadyChinese, n => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", n));
    }

    [Fact]
    public void AnNdrcIndicatorShowsAsItIsWithoutATooltip()
    {
        Assert.Equal("<span class=\"indicator\">开办企业</span>", Html(Display.Indicator("开办企业")));
        Assert.Equal("<span class=\"indicator\">自定义指标</span>", Html(Display.Indicator("自定义指标")));
    }

    [Fact]
    public void TheNameTheApiSentIsShownAndTheTooltipStillComesFromTheIndicator()
    {
        Assert.Equal(
            "<span class=\"indicator\" title=\"Taxation\">纳税</span>",
            Html(Display.Indicator("Taxation", "纳税")));
    }

    [Fact]
    public void ATaskIndicatorsAreJoinedInChineseAndNoneIsADash()
    {
        Assert.Equal(
            "<span class=\"indicator\">纳税</span>、<span class=\"indicator\" title=\"Taxation\">纳税</span>",
            Html(Display.Indicators(["纳税", "Taxation"])));
        Assert.Equal("—", Html(Display.Indicators([])));
    }

    [Fact]
    public void IndicatorsAreGroupedNdrcFirstThenBReadyThenOthersEachUnderItsHeading()
    {
        ReportingV1.LightCounts[] counts =
        [
            new() { Key = "Taxation", Name = "纳税" }, new() { Key = "自定义指标", Name = "自定义指标" },
            new() { Key = "纳税", Name = "纳税" }, new() { Key = "Labor", Name = "劳动就业" },
            new() { Key = "开办企业", Name = "开办企业" },
        ];

        var groups = Display.ByFamily(counts, c => c.Key).ToList();

        Assert.Equal([IndicatorFamily.Ndrc, IndicatorFamily.BReady, IndicatorFamily.Other], groups.Select(g => g.Key));
        Assert.Equal(["纳税", "开办企业"], groups[0].Select(c => c.Key));
        Assert.Equal(["Taxation", "Labor"], groups[1].Select(c => c.Key));
        Assert.Equal(["中国营商环境评价指标", "世界银行 B-READY 评估议题", "其他指标"], groups.Select(g => Display.Family(g.Key)));
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, PortalEncoder);
        return writer.ToString();
    }
}
