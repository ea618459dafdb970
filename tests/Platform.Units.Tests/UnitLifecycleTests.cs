using System.Text.Json;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// The office's unit directory over time: an alias removed no longer resolves, every change is audited with who and
/// before/after, and a unit retires only once no list in force gives it a task — the refusal
/// names the tasks (a list in force: this year's and later ones, and while this year has none, the last one before it).
/// A retired unit takes no new name resolution or person, and comes back when reinstated. The directory learns the
/// lists from TaskListPublished, newest version of each year only, whatever order they arrive in.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class UnitLifecycleTests(UnitsApp app)
{
    [Fact]
    public async Task ARemovedAliasNoLongerResolvesAndEveryChangeIsAuditedWithBeforeAndAfter()
    {
        var office = await app.OfficeAsync();
        var units = app.Units();
        var suffix = UnitsApp.Unique();
        var unit = await app.CreateUnitAsync(office, "区审计局" + suffix, "审计局" + suffix);
        Assert.True((await units.ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "审计局" + suffix } },
            office)).Results[0].Resolved);

        await units.AddUnitAliasAsync(new AddUnitAliasRequest { Id = unit.Id, Alias = "区审计" + suffix }, office);
        var removed = await units.RemoveUnitAliasAsync(
            new RemoveUnitAliasRequest { Id = unit.Id, Alias = "审计局" + suffix },
            office);
        Assert.Equal(["区审计" + suffix], removed.Aliases);
        Assert.False((await units.ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "审计局" + suffix } },
            office)).Results[0].Resolved);
        var missing = await Assert.ThrowsAsync<RpcException>(() => units.RemoveUnitAliasAsync(
            new RemoveUnitAliasRequest { Id = unit.Id, Alias = "从未有过" }, office).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        await units.RenameUnitAsync(
            new RenameUnitRequest { Id = unit.Id, Name = "区审计局（新）" + suffix },
            office);

        var audit = (await units.ListUnitAuditAsync(new ListUnitAuditRequest { UnitId = unit.Id }, office)).Entries;
        Assert.Equal(["renamed", "alias-removed", "alias-added", "created"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("区审计局（新）" + suffix, e.UnitName));
        Assert.All(audit, e => Assert.NotEqual("system", e.Actor));
        var aliasRemoved = audit[1];
        Assert.Contains("审计局" + suffix, Aliases(aliasRemoved.Before));
        Assert.DoesNotContain("审计局" + suffix, Aliases(aliasRemoved.After));
        Assert.Empty(audit[3].Before);

        // Another district sees none of it; a reporter may read but not change the directory.
        var jb = UnitsApp.Bearer(await app.TokenAsync("jb.admin"));
        Assert.Empty((await units.ListUnitAuditAsync(new ListUnitAuditRequest { UnitId = unit.Id }, jb)).Entries);
        var reporter = UnitsApp.Bearer(await app.TokenAsync("yz.scj"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => units.RemoveUnitAliasAsync(
            new RemoveUnitAliasRequest { Id = unit.Id, Alias = "区审计" + suffix }, reporter).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var foreign = await Assert.ThrowsAsync<RpcException>(() => units.RetireUnitAsync(
            new UnitActionRequest { Id = unit.Id },
            jb).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task AUnitRetiresOnlyOnceNoPublishedListGivesItATaskAndThenTakesNothingNew()
    {
        var office = await app.OfficeAsync();
        var units = app.Units();
        var suffix = UnitsApp.Unique();
        var leaving = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区粮食局" + suffix }, office);
        var staying = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区商务委" + suffix }, office);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var bus = app.Services.GetRequiredService<IBus>();

        // Version 2 of this year's list gives the unit task 7: it cannot retire, and the refusal names the task.
        await bus.Publish(List(
            Guid.NewGuid(),
            year,
            2,
            ("7", "粮食安全保障" + suffix, leaving.Id, true),
            ("8", "外贸稳增长", staying.Id, true)));
        await PublishedLists.OpenTasksAsync(units, leaving.Id, office, 1);
        var detail = await RetireRefusalAsync(units, leaving.Id, office);
        Assert.Contains("task 7", detail, StringComparison.Ordinal);
        Assert.Contains("粮食安全保障" + suffix, detail, StringComparison.Ordinal);
        Assert.Contains("leads", detail, StringComparison.Ordinal);

        // Version 3 gives task 7 to the other unit and keeps the leaving one as a responsible unit: still refused.
        await bus.Publish(List(
            Guid.NewGuid(),
            year,
            3,
            ("7", "粮食安全保障" + suffix, staying.Id, true),
            ("7", "粮食安全保障" + suffix, leaving.Id, false)));
        await UnitsApp.EventuallyAsync(
            async () =>
                (await RetireRefusalAsync(units, leaving.Id, office)).Contains("shares", StringComparison.Ordinal),
            "version 3 never reached the directory");

        // Version 4 no longer names it, and version 1 arriving late does not bring the task back.
        await bus.Publish(List(
            Guid.NewGuid(),
            year,
            4,
            ("7", "粮食安全保障" + suffix, staying.Id, true),
            ("9", "新增任务" + suffix, staying.Id, true)));
        await bus.Publish(List(Guid.NewGuid(), year, 1, ("7", "粮食安全保障" + suffix, leaving.Id, true)));
        await PublishedLists.OpenTasksAsync(units, staying.Id, office, 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await units.GetUnitAsync(new GetUnitRequest { Id = leaving.Id }, office)).OpenTaskCount);
        var retired = await units.RetireUnitAsync(new UnitActionRequest { Id = leaving.Id }, office);
        Assert.NotNull(retired.RetiredAt);

        // No new name resolution, no new person; the history stays readable.
        var resolved = await units.ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "区粮食局" + suffix } },
            office);
        Assert.False(resolved.Results[0].Resolved);
        Assert.DoesNotContain(resolved.Results[0].Suggestions, s => s.UnitId == leaving.Id);
        var person =
            await Assert.ThrowsAsync<RpcException>(() => app.Access().CreateAccountAsync(new CreateAccountRequest
        {
            Username = "yz.l" + suffix,
            DisplayName = "李四",
            Roles = { "unit-reporter" },
            UnitId = leaving.Id,
            Password = UnitsApp.Password,
        }, office).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, person.StatusCode);
        Assert.Contains("retired", person.Status.Detail, StringComparison.Ordinal);
        var again = await Assert.ThrowsAsync<RpcException>(() => units.RetireUnitAsync(
            new UnitActionRequest { Id = leaving.Id },
            office).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        await units.ReinstateUnitAsync(new UnitActionRequest { Id = leaving.Id }, office);
        Assert.True((await units.ResolveUnitNamesAsync(
            new ResolveUnitNamesRequest { Names = { "区粮食局" + suffix } },
            office)).Results[0].Resolved);
        var audit = (await units.ListUnitAuditAsync(new ListUnitAuditRequest { UnitId = leaving.Id }, office)).Entries;
        Assert.Equal(["reinstated", "retired", "created"], audit.Select(e => e.Action));

        // A list of an earlier year is done: the directory keeps it, but it holds no unit back.
        var olderOnly = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区旧机构" + suffix }, office);
        await bus.Publish(List(Guid.NewGuid(), year - 1, 1, ("3", "往年任务" + suffix, olderOnly.Id, true)));
        await UnitsApp.EventuallyAsync(
            async () => await AssignmentRowsAsync(olderOnly.Id) == 1,
            "last year's list never reached the directory");
        Assert.Equal(0, (await units.GetUnitAsync(new GetUnitRequest { Id = olderOnly.Id }, office)).OpenTaskCount);
        await units.RetireUnitAsync(new UnitActionRequest { Id = olderOnly.Id }, office);
    }

    [Fact]
    public async Task WhileThisYearHasNoListTheLastOneBeforeItIsStillInForce()
    {
        // 江北 has a list from three years ago and one for two years ahead, none for this year: both are in force.
        var office = UnitsApp.Bearer(await app.TokenAsync("jb.admin"));
        var units = app.Units();
        var suffix = UnitsApp.Unique();
        var old = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区老单位" + suffix }, office);
        var ahead = await units.CreateUnitAsync(new CreateUnitRequest { Name = "区新单位" + suffix }, office);
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        var bus = app.Services.GetRequiredService<IBus>();
        await bus.Publish(List(Guid.NewGuid(), year - 3, 1, ("1", "三年前的任务", old.Id, true)) with
        {
            TenantId = "500105",
        });
        await bus.Publish(List(Guid.NewGuid(), year + 2, 1, ("1", "两年后的任务", ahead.Id, true)) with
        {
            TenantId = "500105",
        });
        await PublishedLists.OpenTasksAsync(units, old.Id, office, 1);
        await PublishedLists.OpenTasksAsync(units, ahead.Id, office, 1);

        // This year's list is published: the old one is done.
        await bus.Publish(List(Guid.NewGuid(), year, 1, ("1", "今年的任务", ahead.Id, true)) with
        {
            TenantId = "500105",
        });
        await PublishedLists.OpenTasksAsync(units, ahead.Id, office, 2);
        await PublishedLists.OpenTasksAsync(units, old.Id, office, 0);
        await units.RetireUnitAsync(new UnitActionRequest { Id = old.Id }, office);
    }

    /// <summary>The directory's rows of a unit, read past row-level security.</summary>
    private async Task<long> AssignmentRowsAsync(string unitId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command =
            new Npgsql.NpgsqlCommand("SELECT count(*) FROM unit_assignments WHERE \"UnitId\" = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(unitId));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The words of the refusal to retire a unit that still has tasks.</summary>
    private static async Task<string> RetireRefusalAsync(
        UnitDirectory.UnitDirectoryClient units,
        string id,
        Metadata office)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => units.RetireUnitAsync(
            new UnitActionRequest { Id = id },
            office).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        return refused.Status.Detail;
    }

    private static TaskListPublished List(
        Guid id,
        int year,
        int version,
        params (string Number, string Text, string UnitId, bool Lead)[] tasks) =>
        PublishedLists.List(id, year, version, tasks.Select(t => (Guid.NewGuid(), t.Number, t.Text, t.UnitId, t.Lead)));

    private static List<string> Aliases(string json) =>
        JsonDocument.Parse(json).RootElement
            .GetProperty("aliases")
            .EnumerateArray()
            .Select(a => a.GetString()!)
            .ToList();
}
