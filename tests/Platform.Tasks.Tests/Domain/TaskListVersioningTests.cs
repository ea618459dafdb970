using Platform.ServiceDefaults.Errors;
using Platform.Tasks.Domain;
using static Platform.Tasks.Tests.Domain.DomainLists;

namespace Platform.Tasks.Tests.Domain;

/// <summary>
/// The versions of a district's year, without a database: a draft becomes the version in force, numbered after every
/// version before it, and archives the one it replaces; an incomplete draft, or a list that is no draft, is refused and
/// left as it was.
/// </summary>
public sealed class TaskListVersioningTests
{
    private static readonly DateTimeOffset Now = new(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TheFirstPublicationIsVersionOneAndSupersedesNothing()
    {
        var draft = Draft(Item("1", Lead("区市场监管局")));

        var published = draft.Publish([draft], "office", Now);

        Assert.Equal(TaskListStatus.Published, draft.Status);
        Assert.Equal(1, draft.Version);
        Assert.Equal("office", draft.PublishedBy);
        Assert.Equal(Now, draft.PublishedAt);
        Assert.Equal(draft.Id, published.TaskListId);
        Assert.Equal(1, published.Version);
        Assert.Null(published.SupersedesTaskListId);
        Assert.Equal(District, published.TenantId);
        Assert.Equal(Now, published.OccurredAt);
        Assert.Equal("1", Assert.Single(published.Tasks).Number);
    }

    [Fact]
    public void ARevisionArchivesTheVersionInForceAndNamesIt()
    {
        var first = Draft(Item("1", Lead("区市场监管局")));
        first.Publish([first], "office", Now);
        var revision = Draft(Item("1", Lead("区市场监管局")), Item("2", Lead("区财政局")));

        var published = revision.Publish([first, revision], "office", Now.AddDays(30));

        Assert.Equal(2, revision.Version);
        Assert.Equal(TaskListStatus.Archived, first.Status);
        Assert.Equal(1, first.Version);
        Assert.Equal(first.Id, published.SupersedesTaskListId);
        Assert.Equal(["1", "2"], published.Tasks.Select(t => t.Number));
    }

    [Fact]
    public void VersionNumbersCountArchivedVersionsAndIgnoreOtherDrafts()
    {
        var first = Draft(Item("1", Lead("区市场监管局")));
        first.Publish([first], "office", Now);
        var second = Draft(Item("1", Lead("区市场监管局")));
        second.Publish([first, second], "office", Now);
        var abandoned = Draft(Item("1"));
        var third = Draft(Item("1", Lead("区财政局")));

        var published = third.Publish([first, second, abandoned, third], "office", Now);

        Assert.Equal(3, third.Version);
        Assert.Equal(second.Id, published.SupersedesTaskListId);
        Assert.Equal(TaskListStatus.Archived, second.Status);
        Assert.Equal(TaskListStatus.Draft, abandoned.Status);
        Assert.Equal(0, abandoned.Version);
    }

    [Fact]
    public void OnlyADraftIsPublishedOrEdited()
    {
        var list = Draft(Item("1", Lead("区市场监管局")));
        list.Publish([list], "office", Now);

        var again = Assert.Throws<PreconditionException>(() => list.Publish([list], "office", Now));
        var edit = Assert.Throws<PreconditionException>(() => list.EnsureDraft("edited"));

        Assert.Equal("Only a draft can be published; this list is published (version 1).", again.Message);
        Assert.Equal("Only a draft can be edited; this list is published (version 1).", edit.Message);
        Assert.Equal(1, list.Version);
    }

    [Fact]
    public void AnIncompleteDraftIsRefusedAndNothingChanges()
    {
        var current = Draft(Item("1", Lead("区市场监管局")));
        current.Publish([current], "office", Now);
        var draft = Draft(
            Item("1", Lead("区市场监管局"), Responsible("区政务服务办", resolved: false)),
            Item("2", Responsible("区财政局")));

        var refused = Assert.Throws<PreconditionException>(() => draft.Publish([current, draft], "office", Now));

        Assert.Equal(
            "The draft cannot be published yet — unresolved units: 区政务服务办（任务 1）; "
            + "tasks without a lead unit: 2.",
            refused.Message);
        Assert.Equal(TaskListStatus.Draft, draft.Status);
        Assert.Equal(0, draft.Version);
        Assert.Null(draft.PublishedAt);
        Assert.Equal(TaskListStatus.Published, current.Status);
    }

    [Fact]
    public void AListWithoutTasksIsRefused()
    {
        var empty = Draft();

        var refused = Assert.Throws<PreconditionException>(() => empty.Publish([empty], "office", Now));

        Assert.Equal("The draft cannot be published yet — the list has no task.", refused.Message);
    }

    [Fact]
    public void ListsOfAnotherYearOrDistrictTakeNoPartInTheVersions()
    {
        var draft = Draft(Item("1", Lead("区市场监管局")));
        var otherYear = Draft(Item("1", Lead("区市场监管局")));
        otherYear.Year = 2024;
        var otherDistrict = Draft(Item("1", Lead("区市场监管局")));
        otherDistrict.TenantId = "500105";

        Assert.Throws<ArgumentException>(() => draft.Publish([draft, otherYear], "office", Now));
        Assert.Throws<ArgumentException>(() => draft.Publish([draft, otherDistrict], "office", Now));
        Assert.Equal(TaskListStatus.Draft, draft.Status);
    }

    [Fact]
    public void ThePublishedEventNamesEachUnitOnceAsLeadIfItLeads()
    {
        var unit = Guid.NewGuid();
        var draft = Draft(Item(
            "1",
            Lead("区经信委", unit),
            Lead("区经济信息委", unit),
            Responsible("区经济信息委", unit),
            Responsible("区财政局")));

        var task = Assert.Single(draft.Publish([draft], "office", Now).Tasks);

        Assert.Equal([unit], task.LeadUnits.Select(u => u.UnitId));
        Assert.Equal(["区财政局"], task.ResponsibleUnits.Select(u => u.Name));
    }

    [Fact]
    public void WithNoVersionInForceEveryTaskIsAdded()
    {
        var draft = Draft(Item("2", Lead("区财政局")), Item("1", Lead("区市场监管局")));
        draft.Tasks[0].Order = 1;
        draft.Tasks[1].Order = 0;

        var diff = draft.CompareWith(null);

        Assert.Equal(["1", "2"], diff.Added.Select(t => t.Number));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void ARevisionListsAddedRemovedAndChangedTasksByNumber()
    {
        var published = Draft(Item("1", Lead("区市场监管局")), Item("2", Lead("区财政局")), Item("3", Lead("区财政局")));
        published.Publish([published], "office", Now);
        var revision = Draft(Item("1", Lead("区市场监管局")), Item("2", Lead("区市场监管局")), Item("4", Lead("区财政局")));
        revision.Tasks[1].Text = "任务2（修订）";
        revision.Tasks[1].Deadline = new DateOnly(2023, 6, 30);

        var diff = revision.CompareWith(published);

        Assert.Equal(["4"], diff.Added.Select(t => t.Number));
        Assert.Equal(["3"], diff.Removed.Select(t => t.Number));
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("2", changed.After.Number);
        Assert.Equal(["text", "lead_units", "deadline"], changed.Fields);
    }

    [Fact]
    public void OnlyALeadUnitSignsForATaskOfThePublishedList()
    {
        var lead = Guid.NewGuid();
        var other = Guid.NewGuid();
        var list = Draft(Item("1", Lead("区市场监管局", lead), Responsible("区财政局", other)));
        var task = list.Tasks[0];

        var early = Assert.Throws<PreconditionException>(() => task.SignFor(lead, "scj", Now));
        list.Publish([list], "office", Now);
        var notLead = Assert.Throws<ForbiddenException>(() => task.SignFor(other, "czj", Now));
        var signed = task.SignFor(lead, "scj", Now);
        var twice = task.SignFor(lead, "scj", Now.AddMinutes(1));

        Assert.Equal("Only a task of a published list can be signed for; this list is draft.", early.Message);
        Assert.Equal("Task 1 is led by 区市场监管局, not by your unit.", notLead.Message);
        Assert.NotNull(signed);
        Assert.Equal((lead, "1", list.Id), (signed.UnitId, signed.Number, signed.TaskListId));
        Assert.Null(twice);
        Assert.Equal(Now, Assert.Single(task.Signatures).SignedAt);
    }
}
