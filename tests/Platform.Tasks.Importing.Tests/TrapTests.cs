using System.Text;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>The traps of DESIGN §4: characters, numbers that are not targets, ranges, grades, deadlines.</summary>
public sealed class TrapTests
{
    public static TheoryData<string> Formats => [FixtureFormat.Txt, FixtureFormat.Docx, FixtureFormat.Pdf];

    private static (DateOnly? Date, string? Text) Deadline(string fixture, string format, string number)
    {
        var task = Task(fixture, format, number);
        return (task.Deadline, task.DeadlineText);
    }

    private static ParsedTask Task(string fixture, string format, string number) =>
        FixtureFormat.Parse(fixture, format).Tasks.Single(t => t.Number == number);

    private static ParsedTaskList ParseText(string text)
        => TaskListImporter.Parse(Encoding.UTF8.GetBytes(text), "list.txt");

    [Theory]
    [MemberData(nameof(Formats))]
    public void TraditionalCharactersAreRecognisedAndNamesKeptAsPrinted(string format)
    {
        var parsed = FixtureFormat.Parse("traditional.txt", format);

        Assert.Equal(["政務服務", "納稅"], parsed.Categories.Select(c => c.Title));
        Assert.Equal(["區政務服務辦"], parsed.Tasks[0].LeadUnits);
        Assert.Equal(["區大數據發展局", "各街道辦事處"], parsed.Tasks[0].ResponsibleUnits);
        Assert.Equal(["區稅務局"], parsed.Tasks[2].LeadUnits);
        Assert.Equal(["區財政局"], parsed.Tasks[2].ResponsibleUnits);
        Assert.Equal(new DateOnly(2024, 9, 30), parsed.Tasks[1].Deadline);
        Assert.Equal(
            (TargetDirection.AtLeast, 95m),
            (parsed.Tasks[0].Targets[0].Direction, parsed.Tasks[0].Targets[0].Value));
        Assert.Equal(["纳税", "Taxation"], parsed.Categories[1].Indicators);
    }

    [Fact]
    public void FullAndHalfWidthPunctuationMixWithinOneBracket()
    {
        var parsed = ParseText("2024年清单\n一、获得电力\n1.推进电网改造。(牵头单位：区经济信息委;责任单位:国网供电公司，区城管局）\n");

        Assert.Equal(["区经济信息委"], parsed.Tasks[0].LeadUnits);
        Assert.Equal(["国网供电公司", "区城管局"], parsed.Tasks[0].ResponsibleUnits);
        Assert.Equal("推进电网改造。", parsed.Tasks[0].Text);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void NumbersThatAreNotTargetsAreNotTargets(string format)
    {
        const string f = "targets-and-traps.txt";

        Assert.Empty(Task(f, format, "1").Targets);
        Assert.Empty(Task(f, format, "2").Targets);
        Assert.Equal(["10个"], Task(f, format, "5").Targets.Select(t => t.Unit == "个" ? $"{t.Value}个" : t.Text));
        Assert.Equal("规模以上工业企业研发投入强度", Task(f, format, "7").Targets.Single().Metric);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void RangesKeepTheirLowerBound(string format)
    {
        var targets = Task("targets-and-traps.txt", format, "3").Targets;

        Assert.Equal([(5m, 8m, "家"), (3m, 5m, "个")], targets.Select(t => (t.ValueMin!.Value, t.Value!.Value, t.Unit!)));
        Assert.All(targets, t => Assert.Equal(TargetDirection.Reach, t.Direction));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void WaterQualityGradesAreTypedGrades(string format)
    {
        var targets = Task("targets-and-traps.txt", format, "4").Targets;

        Assert.Equal(
            [("Ⅱ类", TargetDirection.Reach), ("III类", TargetDirection.AtLeast)],
            targets.Select(t => (t.Grade!, t.Direction)));
        Assert.All(targets, t => Assert.Null(t.Value));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void DirectionsFollowTheComparator(string format)
    {
        const string f = "targets-and-traps.txt";

        Assert.Equal(
            [(TargetDirection.Increase, 1200m, "个"), (TargetDirection.Increase, 90m, "%")],
            Task(f, format, "6").Targets.Select(t => (t.Direction, t.Value!.Value, t.Unit!)));
        Assert.Equal(
            (TargetDirection.Keep, 2.5m),
            (Task(f, format, "7").Targets[0].Direction, Task(f, format, "7").Targets[0].Value!.Value));
        Assert.Equal([TargetDirection.AtLeast], Task(f, format, "8").Targets.Select(t => t.Direction));
        var nine = Task(f, format, "9").Targets[0];
        Assert.Equal((TargetDirection.AtLeast, 4m, "次"), (nine.Direction, nine.Value!.Value, nine.Unit!));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void DeadlinesOfEveryKind(string format)
    {
        const string f = "targets-and-traps.txt";

        Assert.Equal((new DateOnly(2024, 6, 30), "上半年"), Deadline(f, format, "5"));
        Assert.Equal((new DateOnly(2024, 12, 31), "年内"), Deadline(f, format, "9"));
        Assert.Equal(new DateOnly(2024, 12, 31), Task("layout-a-category-units.txt", format, "4").Deadline);
        Assert.Equal((null, "长期坚持"), Deadline("layout-c-lead-phrases.txt", format, "4"));
        Assert.Equal((null, "持续推进"), Deadline("layout-d-unit-lines.txt", format, "4"));
        Assert.Equal(new DateOnly(2024, 9, 30), Task("layout-d-unit-lines.txt", format, "1").Deadline);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void CategoryUnitNamedTwiceCountsOnceAsLeadAndPeopleStayApart(string format)
    {
        var parsed = FixtureFormat.Parse("targets-and-traps.txt", format);
        var category = parsed.Categories.Single(c => c.Title == "企业服务");
        var task = parsed.Tasks.Single(t => t.Number == "8");

        Assert.Equal(["区经济信息委"], category.LeadUnits);
        Assert.Equal(["区商务委"], category.ResponsibleUnits);
        Assert.Equal(["区经济信息委"], task.LeadUnits);
        Assert.Equal(["周敏"], task.Leaders);
        Assert.DoesNotContain("周敏", task.ResponsibleUnits);
    }

    [Fact]
    public void ItemNumberFollowedByAYearIsStillANumber()
    {
        var parsed = FixtureFormat.Parse("targets-and-traps.txt", FixtureFormat.Txt);

        Assert.Equal(
            Enumerable.Range(1, 9).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            parsed.Tasks.Select(t => t.Number));
        Assert.StartsWith("2024年培育", parsed.Tasks[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void YearEndWithoutAYearInTheDocumentIsKeptWithoutDateAndReported()
    {
        var parsed = ParseText("重点任务清单\n一、纳税\n1.年底前实现电子发票全覆盖。（牵头单位：区税务局）\n");

        Assert.Null(parsed.Tasks[0].Deadline);
        Assert.Equal("年底前", parsed.Tasks[0].DeadlineText);
        Assert.Contains(parsed.Warnings, w => w.Code == "deadline-without-year" && w.Line == 3);
    }

    [Fact]
    public void BracketNamingUnitsThatCannotBeReadStaysInTextWithAWarning()
    {
        var parsed = ParseText("2024年清单\n一、纳税\n1.推行电子发票。（牵头单位：区税务局）\n2.优化退税流程（由区税务局会同区财政局牵头研究，报区政府审定后负责实施）。\n");

        var task = parsed.Tasks[1];
        Assert.Contains("会同区财政局", task.Text, StringComparison.Ordinal);
        Assert.Contains(parsed.Warnings, w => w.Code == "unparsed-units" && w.Line == 4);
        Assert.Contains(parsed.Warnings, w => w.Code == "task-without-lead" && w.Line == 4);
    }

    [Fact]
    public void NumberedLineOutsideAnyTaskIsReportedNotDropped()
    {
        var parsed = ParseText("2024年清单\n①总体安排如下。\n一、纳税\n1.推行电子发票。（牵头单位：区税务局）\n2.优化退税流程。（牵头单位：区税务局）\n");

        Assert.Contains(parsed.Warnings, w => w.Code == "unplaced-numbered-line" && w.SourceText == "①总体安排如下。");
    }

    [Fact]
    public void UnitNameThatDoesNotLookLikeABodyIsFlagged()
    {
        var parsed = ParseText("2024年清单\n一、纳税\n1.推行电子发票。（牵头单位：张三）\n");

        Assert.Equal(["张三"], parsed.Tasks[0].LeadUnits);
        Assert.Contains(parsed.Warnings, w => w.Code == "unit-name-unsure" && w.SourceText == "张三");
    }

    [Fact]
    public void FirstTaskNumberMissingIsReported()
    {
        var parsed = ParseText("2024年清单\n一、纳税\n2.推行电子发票。（牵头单位：区税务局）\n");

        Assert.Contains(parsed.Warnings, w => w.Code == "numbering-gap" && w.Line == 3);
    }

    [Fact]
    public void TaskNumberSkippingAheadIsReported()
    {
        var parsed = ParseText("2024年清单\n一、纳税\n1.推行电子发票。（牵头单位：区税务局）\n3.优化退税流程。（牵头单位：区税务局）\n");

        Assert.Equal(["1", "3"], parsed.Tasks.Select(t => t.Number));
        Assert.Contains(parsed.Warnings, w => w.Code == "numbering-gap" && w.Line == 4);
    }

    [Fact]
    public void NumberedPointsOfTheNoticeAndOfARequirementsSectionAreNotTasks()
    {
        var parsed = ParseText(string.Join('\n',
            "关于印发《璧山区2024年营商环境重点任务》的通知",
            "各单位：",
            "1.高度重视，加强领导。",
            "2.各牵头单位每月25日前将进展报区发展改革委。",
            "璧山区人民政府办公室",
            "2024年2月1日",
            "一、开办企业",
            "（一）推进企业开办标准化，开办时间压减至1天以内。（区市场监管局牵头，区税务局配合）",
            "（二）推行“一照多址”改革。（区市场监管局负责）",
            "二、工作要求",
            "（一）加强督查。区政府督查室定期通报。"));

        Assert.Equal([("一", "开办企业"), ("二", "开办企业")], parsed.Tasks.Select(t => (t.Number, t.Category!)));
        Assert.Equal(["开办企业"], parsed.Categories.Select(c => c.Title));
        Assert.Contains("（一）加强督查。区政府督查室定期通报。", parsed.OtherText);
        Assert.Equal(
            ("monthly", "25日前", "区发展改革委"),
            (parsed.Notice.Reporting!.Cadence, parsed.Notice.Reporting.DueRule, parsed.Notice.Reporting.ReportTo));
        Assert.Equal(["区税务局"], parsed.Tasks[0].ResponsibleUnits);
    }
}
