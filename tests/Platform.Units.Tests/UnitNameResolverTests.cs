using Platform.Units.Domain;

namespace Platform.Units.Tests;

public sealed class UnitNameResolverTests
{
    private readonly UnitNameResolver resolver;

    public UnitNameResolverTests()
    {
        var now = DateTimeOffset.UnixEpoch;
        resolver = new UnitNameResolver(
            [
                Unit.Create("500103", "区市场监管局", UnitKind.Unit, [], now),
                Unit.Create("500103", "区经济信息委", UnitKind.Unit, ["区经信委"], now),
                Unit.Create("500103", "区住房城市建委", UnitKind.Unit, [], now),
                Unit.Create("500103", "各街道办事处", UnitKind.Group, [], now),
                Unit.Create("500103", "区级各相关部门", UnitKind.Group, ["区级相关部门"], now),
            ],
            "渝中区",
            "重庆市");
    }

    [Fact]
    public void ExactNameResolves() => AssertResolved("区市场监管局", "区市场监管局", NameMatch.Name);

    [Fact]
    public void AliasResolvesToItsUnit() => AssertResolved("区经信委", "区经济信息委", NameMatch.Alias);

    [Fact]
    public void GroupNameResolvesWhole() => AssertResolved("各街道办事处", "各街道办事处", NameMatch.Name);

    [Theory]
    [InlineData("渝中区市场监管局")]
    [InlineData("重庆市渝中区市场监管局")]
    [InlineData("区市场监管局。")]
    [InlineData(" 区 市场监管局")]
    public void WrittenOutOrSpacedNamesResolveAfterNormalisation(string printed) =>
        AssertResolved(printed, "区市场监管局", NameMatch.Normalized);

    [Fact]
    public void UnknownNameIsReportedWithTheClosestUnitsAndNotGuessed()
    {
        var result = resolver.Resolve("区经济信息委员会");
        Assert.Null(result.Unit);
        Assert.Equal(NameMatch.None, result.Match);
        Assert.Equal("区经济信息委", result.Suggestions[0].Name);
    }

    [Fact]
    public void UnrelatedNameGetsNoSuggestion()
    {
        var result = resolver.Resolve("市公安局");
        Assert.Null(result.Unit);
        Assert.DoesNotContain(result.Suggestions, s => s.Name == "区市场监管局");
    }

    private void AssertResolved(string printed, string expected, NameMatch match)
    {
        var result = resolver.Resolve(printed);
        Assert.Equal(expected, result.Unit?.Name);
        Assert.Equal(match, result.Match);
    }
}
