using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>
/// The first real input: 渝中区 2023 (渝中府办〔2023〕32号), 90 tasks in 17 categories — as .txt, .docx and .pdf.
/// </summary>
public sealed class YuzhongDocumentTests
{
    private const string Fixture = "yuzhong-2023-tasklist.txt";

    public static TheoryData<string> Formats => [FixtureFormat.Txt, FixtureFormat.Docx, FixtureFormat.Pdf];

    private static ParsedTaskList Parse(string format = FixtureFormat.Txt) => FixtureFormat.Parse(Fixture, format);

    private static ParsedTask Task(string number, string format = FixtureFormat.Txt)
        => Parse(format).Tasks.Single(t => t.Number == number);

    [Theory]
    [MemberData(nameof(Formats))]
    public void NoticeFieldsAreRecognised(string format)
    {
        var notice = Parse(format).Notice;

        Assert.Equal("渝中府办〔2023〕32号", notice.DocNumber);
        Assert.Equal("重庆市渝中区人民政府办公室", notice.Issuer);
        Assert.Equal(new DateOnly(2023, 6, 28), notice.IssuedOn);
        Assert.Equal("关于印发《渝中区2023年优化营商环境激发市场活力重点任务清单》的通知", notice.Title);
        Assert.NotNull(notice.Reporting);
        Assert.Equal("monthly", notice.Reporting.Cadence);
        Assert.Equal("month-end", notice.Reporting.DueRule);
        Assert.Equal("区营商办", notice.Reporting.ReportTo);
        Assert.Equal(new Contact { Name = "杨红露", Phone = "63765360", Email = "yzfgshk@163.com" }, notice.Contact);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void SeventeenCategoriesAreFoundInOrder(string format)
    {
        string[] expected =
        [
            "市场准入", "办理建筑许可", "登记财产", "市政公用基础设施报装", "劳动用工", "获取金融服务", "国际贸易", "纳税", "解决商业纠纷",
            "市场公平竞争", "优化科技创新环境", "知识产权创造保护和运用", "政府采购", "招标投标", "市场监管", "政务服务", "包容普惠",
        ];

        var categories = Parse(format).Categories;

        Assert.Equal(expected, categories.Select(c => c.Title));
        Assert.Equal(
            ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七"],
            categories.Select(c => c.Number));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void NinetyTasksAreNumberedOneToNinetyInOrder(string format)
    {
        var tasks = Parse(format).Tasks;

        Assert.Equal(
            Enumerable.Range(1, 90).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            tasks.Select(t => t.Number));
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Text)));
    }

    [Fact]
    public void EveryTaskCarriesTheUnitsOfItsCategory()
    {
        var parsed = Parse();

        Assert.All(parsed.Tasks, task =>
        {
            var category = parsed.Categories.Single(c => c.Title == task.Category);
            Assert.Equal(category.LeadUnits, task.LeadUnits);
            Assert.Equal(category.ResponsibleUnits, task.ResponsibleUnits);
        });
        Assert.Equal(8, parsed.Tasks.Count(t => t.Category == "市场准入"));
        Assert.Equal("包容普惠", Task("90").Category);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Task17IsLedByPlanningBureauAndRegistryCentre(string format)
    {
        var task = Task("17", format);

        Assert.Equal("登记财产", task.Category);
        Assert.Equal(["区规划自然资源局", "市不动产登记中心"], task.LeadUnits);
        Assert.Empty(task.ResponsibleUnits);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Task19IsLedByTwoBureausWithTheUtilitiesResponsible(string format)
    {
        var task = Task("19", format);

        Assert.Equal(["区经济信息委", "区城管局"], task.LeadUnits);
        Assert.Equal(["渝中区自来水厂", "市区供电公司", "燃气公司渝中分公司"], task.ResponsibleUnits);
    }

    [Fact]
    public void UnitNameWithQuotedCommaStaysWhole()
    {
        var category = Parse().Categories.Single(c => c.Title == "市场监管");

        Assert.Equal(["区市场监管局"], category.LeadUnits);
        Assert.Equal(["区级部门联合“双随机、一公开”联席会议成员单位"], category.ResponsibleUnits);
    }

    public static TheoryData<string, int, string[]> ExpectedTargets => new()
    {
        // task, index, [direction, value, unit, baseline, valueMin, grade]
        { "2", 0, ["Decrease", "0.5", "天", "", "", ""] },
        { "6", 0, ["Increase", "50", "%", "", "", ""] },
        { "9", 0, ["Decrease", "45", "个工作日", "50", "", ""] },
        { "11", 0, ["Decrease", "13", "个工作日", "16", "", ""] },
        { "15", 0, ["Reach", "100", "%", "", "", ""] },
        { "20", 0, ["AtMost", "8", "个工作日", "", "", ""] },
        { "20", 1, ["AtMost", "10", "个工作日", "", "", ""] },
        { "27", 0, ["AtLeast", "90", "%", "", "", ""] },
        { "29", 0, ["Decrease", "1", "个工作日", "", "", ""] },
        { "29", 1, ["Decrease", "1", "个工作日", "", "", ""] },
        { "39", 0, ["Reach", "2", "家", "", "1", ""] },
        { "56", 0, ["Reach", "208", "家", "", "", ""] },
        { "56", 1, ["Reach", "1070", "家", "", "", ""] },
        { "57", 0, ["Reach", "2", "亿元", "", "", ""] },
        { "58", 0, ["AtLeast", "18", "万平方米", "", "", ""] },
        { "58", 1, ["AtLeast", "5", "家", "", "", ""] },
        { "80", 0, ["AtLeast", "50", "项", "", "", ""] },
        { "84", 0, ["Reach", "3", "个", "", "", ""] },
        { "87", 0, ["Reach", "100", "户", "", "", ""] },
        { "88", 0, ["Reach", "", "II类", "", "", "II类"] },
        { "89", 0, ["Reach", "100", "%", "", "", ""] },
    };

    [Theory]
    [MemberData(nameof(ExpectedTargets))]
    public void TargetsOfTheIssueAreTyped(string number, int index, string[] expected)
    {
        foreach (var format in new[] { FixtureFormat.Txt, FixtureFormat.Docx, FixtureFormat.Pdf })
        {
            var target = Task(number, format).Targets[index];

            Assert.Equal(expected[0], target.Direction.ToString());
            Assert.Equal(expected[1], Text(target.Value));
            Assert.Equal(expected[2], target.Unit);
            Assert.Equal(expected[3], Text(target.Baseline));
            Assert.Equal(expected[4], Text(target.ValueMin));
            Assert.Equal(expected[5], target.Grade ?? "");
        }
    }

    [Fact]
    public void TargetCountsPerTaskAreExactlyThoseOfTheIssue()
    {
        var expected = ExpectedTargets.Select(row => (string)row[0]).GroupBy(n => n).ToDictionary(
            g => g.Key,
            g => g.Count());

        var actual = Parse().Tasks.Where(t => t.Targets.Count > 0).ToDictionary(t => t.Number, t => t.Targets.Count);

        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
    }

    [Fact]
    public void YearEndPhraseGivesTheDeadlineOfTaskAndTargets()
    {
        var task = Task("56");

        Assert.Equal(new DateOnly(2023, 12, 31), task.Deadline);
        Assert.Equal("2023年年底前", task.DeadlineText);
        Assert.All(task.Targets, t => Assert.Equal(new DateOnly(2023, 12, 31), t.Deadline));
        Assert.Equal("全区高新技术企业", task.Targets[0].Metric);
    }

    [Fact]
    public void NoticePointsAndSafeguardSectionAreKeptAsTextNotTasks()
    {
        var parsed = Parse();

        Assert.Contains(parsed.OtherText, t => t.StartsWith("一、强化责任落实。", StringComparison.Ordinal));
        Assert.Contains(parsed.OtherText, t => t.StartsWith("（一）加强统筹协调。", StringComparison.Ordinal));
        Assert.Contains("三、组织保障", parsed.OtherText);
        Assert.DoesNotContain(
            parsed.Tasks,
            t => t.Text.Contains("统筹协调", StringComparison.Ordinal)
                || t.Text.Contains("强化责任落实", StringComparison.Ordinal));
    }

    [Fact]
    public void CategoriesAndTasksGetCanonicalIndicators()
    {
        var parsed = Parse();

        Assert.Equal(
            ["获得电力", "获得用水用气", "Utility Services"],
            parsed.Categories.Single(c => c.Title == "市政公用基础设施报装").Indicators);
        Assert.Equal(["开办企业", "Business Entry"], parsed.Categories.Single(c => c.Title == "市场准入").Indicators);
        Assert.All(parsed.Categories, c => Assert.NotEmpty(c.Indicators));
        Assert.Contains("获得用水用气", Task("20").Indicators);
    }

    [Fact]
    public void CleanDocumentHasNoWarnings() => Assert.Empty(Parse().Warnings);

    private static string Text(decimal? value) =>
        value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
