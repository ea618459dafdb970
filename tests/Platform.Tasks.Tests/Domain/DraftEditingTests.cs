using Platform.ServiceDefaults.Errors;
using Platform.Tasks.Domain;
using static Platform.Tasks.Tests.Domain.DomainLists;

namespace Platform.Tasks.Tests.Domain;

/// <summary>
/// What the office may change in a draft, without a database: the task's wording, deadline, targets, indicators and
/// units within what a task can carry; nothing once the list is published.
/// </summary>
public sealed class DraftEditingTests
{
    private static readonly DateTimeOffset Now = new(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void ATaskOfAPublishedListIsNoLongerEdited()
    {
        var list = Draft(Item("1", Lead("区市场监管局")));
        Assert.Same(list.Tasks[0], list.DraftTask("1"));
        Assert.Throws<NotFoundException>(() => list.DraftTask("9"));

        list.Publish([list], "office", Now);

        var refused = Assert.Throws<PreconditionException>(() => list.DraftTask("1"));
        Assert.Equal("Only a draft can be edited; this list is published (version 1).", refused.Message);
        Assert.Throws<PreconditionException>(() => list.PlacesPrinting("区市场监管局"));
    }

    [Fact]
    public void EveryPlaceThatPrintsANameIsFoundAndAnUnknownNameRefused()
    {
        var list = Draft(
            Item("1", Unit(UnitRole.Lead, "区政务服务办", null)),
            Item("2", Lead("区财政局"), Responsible("区政务服务办", resolved: false)));

        Assert.Equal(2, list.PlacesPrinting("区政务服务办").Count);
        var unknown = Assert.Throws<ValidationException>(() => list.PlacesPrinting("区不存在的名称"));
        Assert.Contains("'区不存在的名称' is not a unit name of this draft", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeadlineFallsInTheListsYearOrTheFiveAfter()
    {
        var task = Draft(Item("1", Lead("区财政局"))).Tasks[0];

        task.Reschedule(new DateOnly(2028, 12, 31), 2023);
        Assert.Equal(new DateOnly(2028, 12, 31), task.Deadline);
        task.Reschedule(null, 2023);
        Assert.Null(task.Deadline);

        var early = Assert.Throws<ValidationException>(() => task.Reschedule(new DateOnly(2022, 12, 31), 2023));
        Assert.Throws<ValidationException>(() => task.Reschedule(new DateOnly(2029, 1, 1), 2023));
        Assert.Contains("must fall between 2023 and 2028", early.Message, StringComparison.Ordinal);
        Assert.Null(task.Deadline);
    }

    [Fact]
    public void WordingAndDeadlineTextStayWithinTheirLength()
    {
        var task = Draft(Item("1", Lead("区财政局"))).Tasks[0];

        task.Rewrite("  推行企业开办全程网办。 ");
        task.DescribeDeadline("2023年6月底前");

        Assert.Equal("推行企业开办全程网办。", task.Text);
        Assert.Equal("2023年6月底前", task.DeadlineText);
        Assert.Throws<ValidationException>(() => task.Rewrite(" "));
        Assert.Throws<ValidationException>(() => task.Rewrite(new string('字', 4001)));
        Assert.Throws<ValidationException>(() => task.DescribeDeadline(new string('字', 201)));
        Assert.Equal("推行企业开办全程网办。", task.Text);
    }

    [Fact]
    public void TargetsNeedAKnownDirectionAndATaskCarriesAtMostFifty()
    {
        var task = Draft(Item("1", Lead("区财政局"))).Tasks[0];
        var target = new TargetValue { Text = "压减至1个工作日", Value = 1, Unit = "个工作日", Direction = "Decrease" };

        task.ReplaceTargets([target]);
        var sideways = Assert.Throws<ValidationException>(
            () => task.ReplaceTargets([target with { Direction = "Sideways" }]));
        var many = Assert.Throws<ValidationException>(() => task.ReplaceTargets([.. Enumerable.Repeat(target, 51)]));

        Assert.Equal([target], task.Targets);
        Assert.Contains(
            "direction 'Sideways' is not one of Decrease, Increase",
            sideways.Message,
            StringComparison.Ordinal);
        Assert.Contains("51 given; a task has at most 50", many.Message, StringComparison.Ordinal);
        Assert.Throws<ValidationException>(() => task.ReplaceTargets([target with { Text = " " }]));
    }

    [Fact]
    public void IndicatorsDropBlanksAndRepeatsAndUnitsAreCountedBeforeAnyLookUp()
    {
        var task = Draft(Item("1", Lead("区财政局"))).Tasks[0];

        task.ReplaceIndicators(["开办企业", " ", "开办企业", "纳税"]);

        Assert.Equal(["开办企业", "纳税"], task.Indicators);
        Assert.Throws<ValidationException>(() => task.ReplaceIndicators([.. Enumerable.Repeat("纳税", 21)]));
        TaskItem.CheckUnitCounts(20, 100);
        var leads = Assert.Throws<ValidationException>(() => TaskItem.CheckUnitCounts(21, 0));
        Assert.Throws<ValidationException>(() => TaskItem.CheckUnitCounts(1, 101));
        Assert.Contains("21 given; a task has at most 20", leads.Message, StringComparison.Ordinal);
    }
}
