using System.Net;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// Two units become one (机构合并) in the directory: the names, the people (whose sessions end: their tokens name
/// the old unit), the groups and the count of open tasks move to the unit that takes over; both units are audited; the
/// merged unit never comes back. A list naming the merged unit that arrives after the merge counts for the other unit.
/// Every wrong merge is refused with the reason.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class UnitMergeTests(UnitsApp app)
{
    [Fact]
    public async Task AMergedUnitsNamesPeopleGroupsAndTasksGoToTheUnitThatTakesItOver()
    {
        var office = await app.OfficeAsync();
        var units = app.Units();
        var s = UnitsApp.Unique();
        var merged = await app.CreateUnitAsync(office, "区商务委" + s, "商务委" + s);
        var into = await app.CreateUnitAsync(office, "区工业和信息化局" + s, "区工信局" + s);
        var group = await units.CreateUnitAsync(new CreateUnitRequest
        {
            Name = "经济部门" + s,
            Kind = UnitKind.Group,
            MemberIds = { merged.Id, into.Id },
        }, office);
        var username = "yz.m" + s;
        await app.Access().CreateAccountAsync(new CreateAccountRequest
        {
            Username = username,
            DisplayName = "赵六",
            Roles = { "unit-reporter" },
            UnitId = merged.Id,
            Password = UnitsApp.Password,
        }, office);
        var (_, session) = await app.SignInAsync(username, UnitsApp.Password);

        // A list in force (a later year's, which no other test of 渝中 publishes): the merged unit leads task 1 and
        // task 2, which the other unit shares.
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year + 7;
        var bus = app.Services.GetRequiredService<IBus>();
        var task1 = Guid.NewGuid();
        await bus.Publish(List(
            year,
            1,
            (task1, "1", merged.Id, true),
            (Guid.NewGuid(), "2", merged.Id, true),
            (Guid.NewGuid(), "2", into.Id, false)));
        await PublishedLists.OpenTasksAsync(units, merged.Id, office, 2);

        var answer = await units.MergeUnitAsync(new MergeUnitRequest { Id = merged.Id, IntoId = into.Id }, office);
        Assert.Equal((1, 1, 2), (answer.AccountsMoved, answer.GroupsChanged, answer.OpenTasksMoved));
        Assert.Equal(into.Id, answer.Unit.MergedIntoId);
        Assert.NotNull(answer.Unit.RetiredAt);
        Assert.Empty(answer.Unit.Aliases);
        Assert.Equal(["区工信局" + s, "区商务委" + s, "商务委" + s], answer.Into.Aliases);

        // Every name of the merged unit now resolves to the other one.
        var resolved = await units.ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "区商务委" + s, "商务委" + s } },
            office);
        Assert.All(resolved.Results, r => Assert.Equal(into.Id, r.Unit.Id));
        Assert.Equal([into.Id], (await units.GetUnitAsync(new GetUnitRequest { Id = group.Id }, office)).MemberIds);
        await PublishedLists.OpenTasksAsync(units, into.Id, office, 2);
        Assert.Equal(0, (await units.GetUnitAsync(new GetUnitRequest { Id = merged.Id }, office)).OpenTaskCount);

        // The person moved, and signs in again: the session that named the old unit is over.
        var person = (await app.Access().ListAccountsAsync(new ListAccountsRequest(), office)).Accounts
            .Single(a => a.Username == username);
        Assert.Equal(into.Id, person.UnitId);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await app.RefreshAsync(session.GetProperty("refresh_token").GetString()!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInAsync(username, UnitsApp.Password)).Status);

        // Both units and the group are audited, and the merged unit stays merged.
        Assert.Equal("merged", (await units.ListUnitAuditAsync(
            new ListUnitAuditRequest { UnitId = merged.Id },
            office)).Entries[0].Action);
        Assert.Equal(
            "absorbed",
            (await units.ListUnitAuditAsync(new ListUnitAuditRequest { UnitId = into.Id }, office)).Entries[0].Action);
        Assert.Equal(
            "members-changed",
            (await units.ListUnitAuditAsync(new ListUnitAuditRequest { UnitId = group.Id }, office)).Entries[0].Action);
        var back = await Assert.ThrowsAsync<RpcException>(() => units.ReinstateUnitAsync(
            new UnitActionRequest { Id = merged.Id },
            office).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, back.StatusCode);
        Assert.Contains("merged", back.Status.Detail, StringComparison.Ordinal);

        // A new version of the list that still names the merged unit (sent before the merge, arriving after it)
        // counts for the unit that took it over.
        await bus.Publish(List(
            year,
            2,
            (Guid.NewGuid(), "1", merged.Id, true),
            (Guid.NewGuid(), "3", merged.Id, false),
            (Guid.NewGuid(), "3", into.Id, true)));
        await PublishedLists.OpenTasksAsync(units, into.Id, office, 2);
        Assert.Equal(0, (await units.GetUnitAsync(new GetUnitRequest { Id = merged.Id }, office)).OpenTaskCount);
    }

    [Fact]
    public async Task AWrongMergeIsRefusedWithItsReason()
    {
        var office = await app.OfficeAsync();
        var units = app.Units();
        var s = UnitsApp.Unique();
        var a = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区甲局" + s }, office);
        var b = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区乙局" + s }, office);
        var retired = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区丙局" + s }, office);
        await units.RetireUnitAsync(new UnitActionRequest { Id = retired.Id }, office);
        var group = await units.CreateUnitAsync(
            new CreateUnitRequest { Name = "各甲乙单位" + s, Kind = UnitKind.Group },
            office);

        await RefusedAsync(StatusCode.InvalidArgument, "itself", a.Id, a.Id, office);
        await RefusedAsync(StatusCode.InvalidArgument, "into_id", a.Id, "", office);
        await RefusedAsync(StatusCode.NotFound, "unit", a.Id, Guid.NewGuid().ToString(), office);
        await RefusedAsync(StatusCode.FailedPrecondition, "group", a.Id, group.Id, office);
        await RefusedAsync(StatusCode.FailedPrecondition, "group", group.Id, a.Id, office);
        await RefusedAsync(StatusCode.FailedPrecondition, "retired", a.Id, retired.Id, office);

        // Another district cannot even see the units; a reporter reads the directory but does not change it.
        await RefusedAsync(StatusCode.NotFound, "unit", a.Id, b.Id, UnitsApp.Bearer(await app.TokenAsync("jb.admin")));
        await RefusedAsync(
            StatusCode.PermissionDenied,
            "",
            a.Id,
            b.Id,
            UnitsApp.Bearer(await app.TokenAsync("yz.scj")));

        // A unit of another district is not a unit of this one.
        var jb = UnitsApp.Bearer(await app.TokenAsync("jb.admin"));
        var foreign = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区外区局" + s }, jb);
        await RefusedAsync(StatusCode.NotFound, "unit", a.Id, foreign.Id, office);

        // Nothing above changed a thing; a merge done once cannot be done again, nor can anything merge into it.
        Assert.Empty((await units.GetUnitAsync(new GetUnitRequest { Id = a.Id }, office)).MergedIntoId);
        await units.MergeUnitAsync(new MergeUnitRequest { Id = a.Id, IntoId = b.Id }, office);
        await RefusedAsync(StatusCode.FailedPrecondition, "already merged", a.Id, b.Id, office);
        await RefusedAsync(StatusCode.FailedPrecondition, "retired", b.Id, a.Id, office);
    }

    private async Task RefusedAsync(StatusCode status, string words, string id, string intoId, Metadata caller)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => app.Units().MergeUnitAsync(
            new MergeUnitRequest { Id = id, IntoId = intoId },
            caller).ResponseAsync);
        Assert.Equal(status, refused.StatusCode);
        Assert.Contains(words, refused.Status.Detail, StringComparison.Ordinal);
    }

    private static TaskListPublished List(
        int year,
        int version,
        params (Guid TaskId, string Number, string UnitId, bool Lead)[] tasks) =>
        PublishedLists.List(
            Guid.NewGuid(),
            year,
            version,
            tasks.Select(t => (t.TaskId, t.Number, "任务" + t.Number, t.UnitId, t.Lead)));
}
