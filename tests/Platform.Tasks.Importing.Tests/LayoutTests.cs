using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>The unit layouts a–e of DESIGN §4, each read from .txt, .docx and .pdf.</summary>
public sealed class LayoutTests
{
    public static TheoryData<string> Formats => [FixtureFormat.Txt, FixtureFormat.Docx, FixtureFormat.Pdf];

    private static ParsedTask Task(string fixture, string format, string number, string? category = null) =>
        FixtureFormat.Parse(fixture, format).Tasks
            .Single(t => t.Number == number && (category is null || t.Category == category));

    // a. units once per category heading

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutA_TasksInheritTheUnitsOfTheirCategoryHeading(string format)
    {
        const string f = "layout-a-category-units.txt";
        var parsed = FixtureFormat.Parse(f, format);

        Assert.Equal(["开办企业", "获得电力", "纳税"], parsed.Categories.Select(c => c.Title));
        Assert.Equal(["区市场监管局"], Task(f, format, "2").LeadUnits);
        Assert.Equal(["区税务局", "区人力社保局", "区公安分局"], Task(f, format, "2").ResponsibleUnits);
        Assert.Equal(["国网江北供电公司"], Task(f, format, "4").LeadUnits);
        Assert.Equal(["区经济信息委", "区住房城乡建委"], Task(f, format, "4").ResponsibleUnits);
        Assert.Equal(["区税务局"], Task(f, format, "5").LeadUnits);
        Assert.Empty(Task(f, format, "5").ResponsibleUnits);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutA_NoticeWithSquareBracketNumberChineseNumeralDateAndQuarterlyRule(string format)
    {
        var notice = FixtureFormat.Parse("layout-a-category-units.txt", format).Notice;

        Assert.Equal("江北府办[2024]7号", notice.DocNumber);
        Assert.Equal("重庆市江北区人民政府办公室", notice.Issuer);
        Assert.Equal(new DateOnly(2024, 3, 15), notice.IssuedOn);
        Assert.Equal("关于印发《江北区2024年优化营商环境重点任务清单》的通知", notice.Title);
        Assert.Equal(
            ("quarterly", "quarter-end", "区发展改革委"),
            (notice.Reporting?.Cadence, notice.Reporting?.DueRule, notice.Reporting?.ReportTo));
        Assert.Equal(new Contact { Name = "李明", Phone = "023-67851234", Email = "jbyshj@example.cn" }, notice.Contact);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutA_TaskContinuesOverLinesUntilTheNextNumber(string format)
    {
        var task = Task("layout-a-category-units.txt", format, "3");

        Assert.Equal("低压小微企业用电报装办理时限压减至5个工作日，接电成本降低10%。", task.Text);
        Assert.Equal(2, task.Targets.Count);
    }

    [Fact]
    public void LayoutA_ItemsOfTheSafeguardSectionAreNotCategoriesOrTasks()
    {
        var parsed = FixtureFormat.Parse("layout-a-category-units.txt", FixtureFormat.Txt);

        Assert.Equal(5, parsed.Tasks.Count);
        Assert.DoesNotContain(parsed.Categories, c => c.Title == "加强组织领导");
        Assert.Contains(parsed.OtherText, t => t.StartsWith("（一）加强组织领导", StringComparison.Ordinal));
    }

    // b. per-task brackets

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutB_UnitBracketsOfEveryShapeAreReadAndRemovedFromTheText(string format)
    {
        const string f = "layout-b-task-brackets.txt";

        Assert.Equal(["区政务服务办"], Task(f, format, "1").LeadUnits);
        Assert.Equal(["区大数据发展局", "各街道办事处"], Task(f, format, "1").ResponsibleUnits);
        Assert.Equal("推进政务服务事项“一网通办”，网上可办率达到98%以上。", Task(f, format, "1").Text);
        Assert.Equal(["区大数据发展局"], Task(f, format, "2").LeadUnits);
        Assert.Equal(["区政务服务办"], Task(f, format, "3").LeadUnits);
        Assert.Equal(["各镇人民政府", "各街道办事处"], Task(f, format, "3").ResponsibleUnits);
        Assert.Equal(["区市场监管局"], Task(f, format, "4").LeadUnits);
        Assert.All(
            FixtureFormat.Parse(f, format).Tasks,
            t => Assert.DoesNotContain("单位", t.Text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutB_UnitNamedAsLeadAndResponsibleCountsOnceAsLead(string format)
    {
        var task = Task("layout-b-task-brackets.txt", format, "2");

        Assert.Equal(["区大数据发展局"], task.LeadUnits);
        Assert.Equal(["区政务服务办"], task.ResponsibleUnits);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutB_ResponsibleLeaderIsAPersonNotAUnit(string format)
    {
        var task = Task("layout-b-task-brackets.txt", format, "3");

        Assert.Equal(["王强"], task.Leaders);
        Assert.DoesNotContain("王强", task.LeadUnits.Concat(task.ResponsibleUnits));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutB_QuotedNamesGroupsAndEtcDepartmentsStayWhole(string format)
    {
        const string f = "layout-b-task-brackets.txt";

        Assert.Equal(["区级部门联合“双随机、一公开”联席会议成员单位"], Task(f, format, "4").ResponsibleUnits);
        Assert.Equal(["区交通局等有关部门"], Task(f, format, "5").ResponsibleUnits);
        Assert.Contains("各街道办事处", Task(f, format, "1").ResponsibleUnits);
    }

    // c. role phrases

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutC_LeadAndDutyPhrasesNameLeadAndResponsibleUnits(string format)
    {
        const string f = "layout-c-lead-phrases.txt";

        Assert.Equal(["区金融办"], Task(f, format, "1").LeadUnits);
        Assert.Equal(["区发展改革委", "区财政局"], Task(f, format, "1").ResponsibleUnits);
        Assert.Equal(["区法院"], Task(f, format, "3").LeadUnits);
        Assert.Equal(["区司法局", "区人力社保局", "区税务局"], Task(f, format, "3").ResponsibleUnits);
        Assert.Equal("推广“信易贷·渝惠融”平台，全年新增普惠小微贷款20亿元。", Task(f, format, "1").Text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutC_UnitsThatAloneAreResponsibleLeadTheTask(string format)
    {
        const string f = "layout-c-lead-phrases.txt";

        Assert.Equal(["区市场监管局", "区金融办"], Task(f, format, "2").LeadUnits);
        Assert.Equal(["区法院"], Task(f, format, "4").LeadUnits);
        Assert.Empty(FixtureFormat.Parse(f, format).Warnings);
    }

    // d. unit lines after the task

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutD_UnitLineFollowsTheTaskAndItsFirstUnitLeads(string format)
    {
        const string f = "layout-d-unit-lines.txt";

        Assert.Equal(["区商务委"], Task(f, format, "1").LeadUnits);
        Assert.Equal(["区发展改革委", "区交通局"], Task(f, format, "1").ResponsibleUnits);
        Assert.Equal(["区法院"], Task(f, format, "4").LeadUnits);
        Assert.Equal(["区司法局"], Task(f, format, "4").ResponsibleUnits);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutD_TaskOfTwoParagraphsWithLeaderLine(string format)
    {
        var task = Task("layout-d-unit-lines.txt", format, "2");

        Assert.Equal("提升通关效率，进口整体通关时间由40小时压减至36小时。持续优化口岸收费目录清单。", task.Text);
        Assert.Equal(["陈刚"], task.Leaders);
        Assert.Equal(["区商务委"], task.LeadUnits);
        Assert.Equal(["西永海关"], task.ResponsibleUnits);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutD_SubItemsStayInsideTheirTask(string format)
    {
        var parsed = FixtureFormat.Parse("layout-d-unit-lines.txt", format);
        var task = parsed.Tasks.Single(t => t.Number == "3");

        Assert.Equal(4, parsed.Tasks.Count);
        Assert.Contains("（1）网上立案率达到90%；", task.Text, StringComparison.Ordinal);
        Assert.Contains("（2）电子送达率提高至85%。", task.Text, StringComparison.Ordinal);
        Assert.Equal([TargetDirection.Reach, TargetDirection.Increase], task.Targets.Select(t => t.Direction));
    }

    [Fact]
    public void LayoutD_WithoutTheFirstUnitRuleAResponsibleLineNamesNoLead()
    {
        var text = "2024年任务清单\n一、跨境贸易\n1.新增外贸企业20家。\n责任单位：区商务委、区发展改革委\n";

        var task = TaskListImporter.Parse(System.Text.Encoding.UTF8.GetBytes(text), "list.txt").Tasks.Single();

        Assert.Empty(task.LeadUnits);
        Assert.Equal(["区商务委", "区发展改革委"], task.ResponsibleUnits);
    }

    // e. flattened tables

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutE_PipeTableColumnsInAnyOrderAreMappedByHeader(string format)
    {
        var task = Task("layout-e-pipe-table.txt", format, "1", "开办企业");

        Assert.Equal("企业开办全程网办，办理时间压减至0.5个工作日。", task.Text);
        Assert.Equal(["区市场监管局"], task.LeadUnits);
        Assert.Equal(["区税务局", "区人力社保局"], task.ResponsibleUnits);
        Assert.Equal(new DateOnly(2024, 6, 30), task.Deadline);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutE_EmptyCategoryCellContinuesTheCategoryAbove(string format)
    {
        var parsed = FixtureFormat.Parse("layout-e-pipe-table.txt", format);

        Assert.Equal("开办企业", parsed.Tasks[1].Category);
        Assert.Equal(["开办企业", "获得电力", "市场监管", "政府采购", "招标投标"], parsed.Categories.Select(c => c.Title));
        Assert.Empty(parsed.Warnings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutE_NumberingRestartsInTheSecondTable(string format)
    {
        var parsed = FixtureFormat.Parse("layout-e-pipe-table.txt", format);

        Assert.Equal(["1", "2", "3", "1", "2", "3"], parsed.Tasks.Select(t => t.Number));
        Assert.Equal("市场监管", parsed.Tasks[3].Category);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void BracketedParagraphTasksFollowedByATableAreAllTasks(string format)
    {
        var parsed = FixtureFormat.Parse("layout-mixed-brackets-and-table.txt", format);

        Assert.Equal(["一", "二", "三"], parsed.Categories.Select(c => c.Number));
        Assert.Equal(["1", "2", "3", "4", "1", "2", "3"], parsed.Tasks.Select(t => t.Number));
        Assert.Equal(
            ["开办企业", "开办企业", "办理建筑许可", "办理建筑许可", "配套事项", "配套事项", "配套事项"],
            parsed.Tasks.Select(t => t.Category));
        Assert.Equal(["区住房城乡建委"], parsed.Tasks[2].LeadUnits);
        Assert.Equal(["区经信委"], parsed.Tasks[4].LeadUnits);
        Assert.Equal(new DateOnly(2023, 9, 30), parsed.Tasks[4].Deadline);
        Assert.Empty(parsed.Warnings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutE_DeadlineColumnOfEveryKind(string format)
    {
        var tasks = FixtureFormat.Parse("layout-e-pipe-table.txt", format).Tasks;

        Assert.Equal(
            [
                new DateOnly(2024, 6, 30), new DateOnly(2024, 12, 31), new DateOnly(2024, 9, 30), null, null,
                new DateOnly(2024, 12, 31),
            ],
            tasks.Select(t => t.Deadline));
        Assert.Equal(["2024年6月底前", "年底前", "9月底", "长期坚持", "持续推进", "2024年12月31日"], tasks.Select(t => t.DeadlineText));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void LayoutE_OneCellPerLineRowsAreRebuiltFromTheHeader(string format)
    {
        var parsed = FixtureFormat.Parse("layout-e-cell-lines.txt", format);

        Assert.Equal(["1", "2", "3"], parsed.Tasks.Select(t => t.Number));
        Assert.Equal(["办理建筑许可", "办理建筑许可", "登记财产"], parsed.Tasks.Select(t => t.Category));
        Assert.Equal(["区住房城乡建委"], parsed.Tasks[1].LeadUnits);
        Assert.Equal(["区消防救援支队"], parsed.Tasks[1].ResponsibleUnits);
        Assert.Equal(new DateOnly(2024, 9, 30), parsed.Tasks[2].Deadline);
        Assert.Equal("不动产登记一般业务办理时限压减至3个工作日。", parsed.Tasks[2].Text);
        Assert.Contains(parsed.OtherText, t => t.StartsWith("注：", StringComparison.Ordinal));
    }
}
