using System.Globalization;
using System.Text;
using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

/// <summary>The rules added for the layouts of other districts' lists, each on its own.</summary>
public sealed class LayoutRuleTests
{
    private static ParsedTaskList Parse(string text)
        => TaskListImporter.Parse(Encoding.UTF8.GetBytes(text), "list.txt");

    [Theory]
    [InlineData("6月前完成", "2024-05-31", "6月前")]
    [InlineData("三季度末前完成", "2024-09-30", "三季度末前")]
    [InlineData("2024年6月完成系统对接", "2024-06-30", "2024年6月")]
    public void MoreDeadlinePhrasesGiveTheirDates(string text, string date, string phrase)
    {
        var match = Assert.Single(DeadlineParser.FindDated(TextNormalizer.Normalize(text), text, 2024));

        Assert.Equal((DateOnly.Parse(date, CultureInfo.InvariantCulture), phrase), (match.Date!.Value, match.Text));
    }

    [Theory]
    [InlineData("2024年6月", "2024-06-30")]
    [InlineData("6月", "2024-06-30")]
    [InlineData("年内", "2024-12-31")]
    public void ADeadlineCellNamingOnlyAMonthIsThatMonthsEnd(string cell, string date)
    {
        Assert.Equal(
            DateOnly.Parse(date, CultureInfo.InvariantCulture),
            DeadlineParser.ParseCell(cell, cell, 2024)!.Date);
    }

    [Fact]
    public void InRunningTextAMonthAloneIsNoDeadline()
    {
        Assert.Empty(DeadlineParser.FindDated("6月召开推进会", "6月召开推进会", 2024));
    }

    [Theory]
    [InlineData("新建三个政务服务驿站", 3, "个")]
    [InlineData("培育两家上市企业", 2, "家")]
    [InlineData("办理时间压减至三个工作日", 3, "个工作日")]
    [InlineData("群众满意度98%", 98, "%")]
    [InlineData("优良天数比例88%", 88, "%")]
    public void CountsInChineseNumeralsAndNamedRatesAreTargets(string text, int value, string unit)
    {
        var target = Assert.Single(TargetParser.Parse(text, TextNormalizer.Normalize(text), 2024));

        Assert.Equal((value, unit), ((int)target.Value!.Value, target.Unit));
    }

    [Theory]
    [InlineData("深入学习贯彻党的二十大精神")]
    [InlineData("编制“十四五”规划中期评估报告")]
    [InlineData("建立一个窗口受理机制")]
    [InlineData("全市排名第三个")]
    public void NumeralsWithoutACountAreNotTargets(string text)
    {
        Assert.Empty(TargetParser.Parse(text, TextNormalizer.Normalize(text), 2024));
    }

    [Fact]
    public void AnEnumerationTakesTheVerbOfTheItemBefore()
    {
        const string text = "新建改建中小学2所、幼儿园1所";

        var targets = TargetParser.Parse(text, TextNormalizer.Normalize(text), 2024);

        Assert.Equal([(2m, "所"), (1m, "所")], targets.Select(t => (t.Value!.Value, t.Unit!)));
    }

    [Theory]
    [InlineData("区商务委和区发展改革委", new[] { "区商务委", "区发展改革委" })]
    [InlineData("区财政局及各街道", new[] { "区财政局", "各街道" })]
    [InlineData("区委宣传部与区网信办、区文旅委", new[] { "区委宣传部", "区网信办", "区文旅委" })]
    [InlineData("区人力资源和社会保障局", new[] { "区人力资源和社会保障局" })]
    [InlineData("区科技和经济信息化局", new[] { "区科技和经济信息化局" })]
    public void UnitListsJoinedByAConjunctionAreSplitOnlyBetweenUnits(string list, string[] names)
    {
        Assert.Equal(names, UnitAnnotationParser.SplitNames(TextNormalizer.Normalize(list), list));
    }

    [Theory]
    [InlineData("区发展改革委区财政局", new[] { "区发展改革委", "区财政局" })]
    [InlineData("区市场监管局区税务局区人力社保局", new[] { "区市场监管局", "区税务局", "区人力社保局" })]
    [InlineData("区政务服务中心区大数据局", new[] { "区政务服务中心", "区大数据局" })]
    public void OfflineGluedNamesAreSplitAfterAUnitSuffix(string glued, string[] names)
    {
        Assert.Equal(names, new GluedUnitNames(null).Split(glued));
    }

    [Theory]
    [InlineData("区委办公室")]
    [InlineData("区市场监管局")]
    [InlineData("区行政审批服务局")]
    [InlineData("区委区政府")]
    public void OneNameIsNotSplit(string name)
    {
        Assert.Null(new GluedUnitNames(null).Split(name));
    }

    [Fact]
    public void WithTheDirectoryGluedNamesAreSplitIntoItsNamesOnly()
    {
        var directory = new GluedUnitNames(["寸滩管委会", "江北嘴投资集团", "区财政局"]);

        Assert.Equal(["寸滩管委会", "江北嘴投资集团"], directory.Split("寸滩管委会江北嘴投资集团"));
        Assert.Null(directory.Split("区财政局"));
        Assert.Null(new GluedUnitNames(null).Split("寸滩管委会江北嘴投资集团"));
    }

    [Fact]
    public void GluedNamesInATaskAreSplitAndTheGuessIsReported()
    {
        var parsed = Parse("2024年任务\n一、营商环境\n1.推行联合审批，审批时间压减至5个工作日。（牵头单位：区发展改革委区财政局）\n");

        Assert.Equal(["区发展改革委", "区财政局"], parsed.Tasks.Single().LeadUnits);
        Assert.Contains(parsed.Warnings, w => w.Code == "units-split" && w.SourceText == "区发展改革委区财政局");
    }

    [Theory]
    [InlineData("1.推行A；2.开展B；3.完成C", new[] { "推行A", "开展B", "完成C" })]
    [InlineData("（1）推行A。（2）开展B", new[] { "推行A。", "开展B" })]
    [InlineData("①推行A②开展B", new[] { "推行A", "开展B" })]
    [InlineData("审批时间压减至1.5天", new[] { "审批时间压减至1.5天" })]
    [InlineData("1.推行第2批试点", new[] { "1.推行第2批试点" })]
    public void ACellOfNumberedMeasuresIsSplitIntoThem(string cell, string[] measures)
    {
        Assert.Equal(measures, Measures.Split(cell, TextNormalizer.Normalize(cell)));
    }

    [Fact]
    public void ARowThatLostACellGetsItBackWhereTheOthersFit()
    {
        ColumnRole[] roles =
            [ColumnRole.Number, ColumnRole.Text, ColumnRole.Lead, ColumnRole.Responsible, ColumnRole.Deadline];
        string[] cells = ["3", "推行电子证照应用", "区大数据局", "年底前"];

        var aligned = CellAlignment.Align(cells, cells, roles)!.Value;

        Assert.Equal(["3", "推行电子证照应用", "区大数据局", "", "年底前"], aligned.Printed);
    }

    [Fact]
    public void JunkACopyLeftBeforeParagraphsIsNotPartOfThem()
    {
        var parsed = Parse("區2024年任務\n\uFFFD?一、政務服務\n\u00A0\u3000??1.推進“一網通辦”，網上辦理率達到95%。(責任單位:區政務服務辦、區大數據局)\n");

        var task = parsed.Tasks.Single();
        Assert.Equal("推進“一網通辦”，網上辦理率達到95%。", task.Text);
        Assert.Equal("政務服務", task.Category);
        Assert.Equal(["區政務服務辦", "區大數據局"], task.ResponsibleUnits);
    }

    [Theory]
    [InlineData("注：本表责任单位中列第一位的为牵头单位。")]
    [InlineData("责任单位中排在首位的为主要责任单位，其余为配合单位。")]
    [InlineData("在责任单位中，排名第一的为牵头单位。")]
    public void TheFirstUnitLeadsWhateverTheRulesWording(string rule)
    {
        var parsed = Parse(
            $"2024年任务\n{rule}\n一、营商环境\n1.推行联合审批。\n责任单位：区发展改革委、区财政局\n"
            + "2.开展A。\n责任单位：区商务委\n3.开展B。\n责任单位：区税务局\n");

        Assert.Equal(["区发展改革委"], parsed.Tasks[0].LeadUnits);
        Assert.Equal(["区财政局"], parsed.Tasks[0].ResponsibleUnits);
    }

    [Fact]
    public void ASectionWhoseItemsNameNoUnitIsNotASectionOfTasks()
    {
        var parsed = Parse("""
            2024年任务
            一、营商环境
            1.推行联合审批。（区发展改革委牵头）
            2.开展A。（区商务委牵头）
            3.开展B。（区税务局牵头）
            二、其他事项
            1.本清单由区政府办公室负责解释。
            2.本清单自印发之日起施行。
            """);

        Assert.Equal(3, parsed.Tasks.Count);
        Assert.Contains(parsed.Warnings, w => w.Code == "section-not-tasks");
        Assert.Contains("2.本清单自印发之日起施行。", parsed.OtherText);
        Assert.DoesNotContain(parsed.Categories, c => c.Title == "其他事项");
    }

    [Theory]
    [InlineData("202426日", "2024-02-06")]
    [InlineData("2024年38日", "2024-03-08")]
    [InlineData("20241015日", "2024-10-15")]
    public void ADateWithMonthAndDayRunTogetherIsReadWhenOnlyOneSplitIsADate(string line, string date)
    {
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), NoticeReader.ParseDamagedDate(line));
    }

    [Fact]
    public void AnAmbiguousRunTogetherDateIsNotGuessed()
    {
        Assert.Null(NoticeReader.ParseDamagedDate("2024112日"));
    }
}
