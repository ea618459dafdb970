using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

public sealed class UnitAnnotationParserTests
{
    private static UnitAnnotation? Parse(string text)
        => UnitAnnotationParser.Parse(TextNormalizer.Normalize(text), text);

    [Fact]
    public void LabelledListsSplitOnEveryListSeparator()
    {
        var a = Parse("牵头单位：区市场监管局；责任单位：区税务局、区人力社保局，区公安分局;区商务委")!;

        Assert.Equal(["区市场监管局"], a.Leads);
        Assert.Equal(["区税务局", "区人力社保局", "区公安分局", "区商务委"], a.Responsibles);
    }

    [Fact]
    public void SeparatorsInsideQuotesAndBracketsDoNotSplit()
    {
        var a = Parse("责任单位：区级部门联合“双随机、一公开”联席会议成员单位、区政府办公室（区外办、区侨办）")!;

        Assert.Equal(["区级部门联合“双随机、一公开”联席会议成员单位", "区政府办公室（区外办、区侨办）"], a.Responsibles);
    }

    [Fact]
    public void RolePhrasesNameLeadResponsibleAndOwners()
    {
        var a = Parse("区发展改革委牵头，区财政局、区税务局等有关部门按职责分工负责")!;

        Assert.Equal(["区发展改革委"], a.Leads);
        Assert.Equal(["区财政局", "区税务局等有关部门"], a.Responsibles);
        Assert.Equal(["区法院", "区司法局"], Parse("由区法院、区司法局负责")!.Owners);
    }

    [Fact]
    public void PeopleAreLeadersNotUnits()
    {
        var a = Parse("牵头单位：区商务委；责任领导：张三、李四")!;

        Assert.Equal(["区商务委"], a.Leads);
        Assert.Equal(["张三", "李四"], a.Leaders);
    }

    [Theory]
    [InlineData("不含外线工程施工时间")]
    [InlineData("由区税务局会同区财政局牵头研究，报区政府审定后实施")]
    public void TextThatIsNotAnAnnotationIsNotParsed(string text) => Assert.Null(Parse(text));

    [Theory]
    [InlineData("各街道办事处", true)]
    [InlineData("区级各相关部门", true)]
    [InlineData("公平竞争审查工作区级部门联席成员单位", true)]
    [InlineData("燃气公司渝中分公司", true)]
    [InlineData("区交通局等", true)]
    [InlineData("张三", false)]
    public void UnitNamesAreRecognisedByTheirEnding(string name, bool looksLikeUnit) =>
        Assert.Equal(looksLikeUnit, UnitAnnotationParser.LooksLikeUnit(name));
}
