using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

public sealed class IndicatorRulesTests
{
    [Theory]
    [InlineData("市政公用基础设施报装", new[] { "获得电力", "获得用水用气", "Utility Services" })]
    [InlineData("市场准入", new[] { "开办企业", "Business Entry" })]
    [InlineData("解决商业纠纷", new[] { "执行合同", "Dispute Resolution" })]
    [InlineData("办理破产", new[] { "办理破产", "Business Insolvency" })]
    [InlineData("纳税", new[] { "纳税", "Taxation" })]
    [InlineData("党的建设", new string[0])]
    public void CategoryTitleSuggestsIndicators(string title, string[] expected) =>
        Assert.Equal(expected, IndicatorRules.ForCategory(title));

    [Fact]
    public void TaskKeepsCategoryIndicatorsAndAddsSpecificOnes() =>
        Assert.Equal(
            ["开办企业", "政务服务", "Business Entry"],
            IndicatorRules.ForTask("推进企业开办“一网通办”", ["开办企业", "Business Entry"]));

    [Fact]
    public void EveryRuleNamesOnlyCanonicalIndicators() =>
        Assert.All(IndicatorRules.Rules.SelectMany(r => r.Indicators), i =>
            Assert.True(IndicatorRules.Ndrc.Contains(i) || IndicatorRules.BReady.Contains(i), i));

    [Fact]
    public void EveryNdrcIndicatorAndBReadyTopicIsReachableByARule()
    {
        var reachable = IndicatorRules.Rules.SelectMany(r => r.Indicators).ToHashSet();

        Assert.All(IndicatorRules.Ndrc.Concat(IndicatorRules.BReady), i => Assert.Contains(i, reachable));
    }
}
