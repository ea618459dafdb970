using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using MassTransit;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Tasks.V1;
using ProtoTask = Platform.Contracts.Tasks.V1.Task;
using Task = System.Threading.Tasks.Task;

namespace Platform.Tasks.Tests;

/// <summary>
/// Carry-over (结转): a closed year's unfinished tasks (YearClosed) are offered to the next year's draft with the
/// draft's tasks of similar text; the office carries each over, matches it or drops it with a reason, and may change
/// its mind until the list is published, which fixes the decisions and sends one TaskCarriedOver each. Each test uses
/// years of its own.
/// </summary>
[Collection(TasksCollection.Name)]
public sealed class CarryOverTests(TasksApp app)
{
    [Fact]
    public async Task TheSameYearClosedTwiceOrAgainLaterStoresEachUnfinishedTaskOnceAndUnchanged()
    {
        var admin = await AdminAsync();
        var (closed, _) = await CloseYearAsync(2051, admin);
        var first = closed.Tasks.Single(t => t.Number == "1");

        // The same message redelivered, and a later closing (another message) with a reworded task and one more.
        var again = YearClosedOf(2051, closed.Tasks.Take(1), "改过的文字");
        await PublishAsync(again, Guid.NewGuid());
        await PublishAsync(YearClosedOf(2051, closed.Tasks, "改过的文字"), Guid.NewGuid());

        Assert.Equal(3L, await app.ScalarAsync(
            "SELECT count(*) FROM carry_over_candidates WHERE \"FromYear\" = 2051"));
        Assert.Equal(first.Text, await app.ScalarAsync(
            "SELECT \"Text\" FROM carry_over_candidates WHERE \"FromTaskId\" = @id",
            ("id", Guid.Parse(first.Id))));
        var offered = await app.Tasks.GetCarryOverAsync(
            new GetCarryOverRequest { Id = (await DraftAsync(2052, admin)).Id }, admin);
        Assert.Equal(["1", "2", "3"], offered.Candidates.Select(c => c.Number));
        Assert.Equal(2051, offered.FromYear);
    }

    [Fact]
    public async Task EachUnfinishedTaskIsOfferedWithTheDraftsTasksOfSimilarTextBestFirst()
    {
        var admin = await AdminAsync();
        await CloseYearAsync(2053, admin);
        var draft = await DraftAsync(2054, admin);

        var offered = await app.Tasks.GetCarryOverAsync(new GetCarryOverRequest { Id = draft.Id }, admin);

        Assert.True(offered.Editable);
        var housing = offered.Candidates.Single(c => c.Number == "2");
        Assert.Equal("未完成", housing.Outcome);
        Assert.Equal(string.Empty, housing.Decision);
        Assert.Equal(["1"], housing.Suggestions.Select(s => s.Number));
        Assert.InRange(housing.Suggestions[0].Score, 0.8, 1);
        var opening = offered.Candidates.Single(c => c.Number == "1");
        Assert.Equal("3", opening.Suggestions[0].Number);
        Assert.True(opening.Suggestions.Zip(opening.Suggestions.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.DoesNotContain(
            offered.Candidates.Single(c => c.Number == "3").Suggestions,
            s => s.Number == "1" || s.Number == "3");
    }

    [Fact]
    public async Task TheOfficeCarriesMatchesAndDropsAndMayChangeItsMindWhileTheListIsADraft()
    {
        var admin = await AdminAsync();
        var (closed, _) = await CloseYearAsync(2055, admin);
        var draft = await DraftAsync(2056, admin);
        var old = closed.Tasks.Single(t => t.Number == "1");

        // Carried: a new task of the draft with the old one's text, category, units and targets, linked to it.
        var carried = await Act(draft, old, admin, "carry");
        Assert.Equal("carried", carried.Decision);
        var copy = await app.Tasks.GetTaskAsync(new GetTaskRequest { Id = carried.ToTaskId }, admin);
        Assert.Equal((old.Id, 2055), (copy.CarriedFrom.TaskId, copy.CarriedFrom.Year));
        Assert.Equal((old.Text, old.Category, "4"), (copy.Text, copy.Category, copy.Number));
        Assert.Equal(old.LeadUnits.Select(u => u.UnitId), copy.LeadUnits.Select(u => u.UnitId));
        Assert.Equal(old.ResponsibleUnits.Select(u => u.UnitName), copy.ResponsibleUnits.Select(u => u.UnitName));
        Assert.Equal(old.Targets, copy.Targets);
        Assert.NotEmpty(copy.Targets);

        // Carrying again adds no second copy.
        Assert.Equal(carried.ToTaskId, (await Act(draft, old, admin, "carry")).ToTaskId);
        Assert.Equal(4, (await ListAsync(draft, admin)).Tasks.Count);

        // Dropping needs a reason of a limited length; a refused drop leaves the carried copy where it was.
        foreach (var reason in new[] { "", "   ", new string('理', 501) })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => Act(draft, old, admin, "drop", reason: reason));
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        }

        Assert.Equal(4, (await ListAsync(draft, admin)).Tasks.Count);

        // Dropped instead: the carried copy leaves the draft.
        var dropped = await Act(draft, old, admin, "drop", reason: "已于上年度末并入其他任务");
        Assert.Equal(("dropped", "已于上年度末并入其他任务", string.Empty), (dropped.Decision, dropped.Reason, dropped.ToTaskId));
        Assert.Equal(3, (await ListAsync(draft, admin)).Tasks.Count);

        // Matched instead: the draft's task 3 continues it; a task cannot continue two.
        var third = (await ListAsync(draft, admin)).Tasks.Single(t => t.Number == "3");
        var matched = await Act(draft, old, admin, "match", taskId: third.Id);
        Assert.Equal(("matched", third.Id, "3"), (matched.Decision, matched.ToTaskId, matched.ToTaskNumber));
        var linked = await app.Tasks.GetTaskAsync(new GetTaskRequest { Id = third.Id }, admin);
        Assert.Equal(old.Id, linked.CarriedFrom.TaskId);
        var twice = await Assert.ThrowsAsync<RpcException>(
            () => Act(draft, closed.Tasks.Single(t => t.Number == "2"), admin, "match", taskId: third.Id));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);

        // Carried again: the match is unlinked.
        await Act(draft, old, admin, "carry");
        Assert.Null((await app.Tasks.GetTaskAsync(new GetTaskRequest { Id = third.Id }, admin)).CarriedFrom);

        // A task of another list, or an unknown one, is no match.
        var foreign = await Assert.ThrowsAsync<RpcException>(() => Act(draft, old, admin, "match", taskId: old.Id));
        Assert.Equal(StatusCode.InvalidArgument, foreign.StatusCode);
        var unknown = await Assert.ThrowsAsync<RpcException>(
            () => Act(draft, new ProtoTask { Id = Guid.NewGuid().ToString() }, admin, "carry"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task OnlyTheDistrictOfficeDecidesAndAnotherDistrictSeesNothing()
    {
        var admin = await AdminAsync();
        var (closed, _) = await CloseYearAsync(2057, admin);
        var draft = await DraftAsync(2058, admin);
        var old = closed.Tasks[0];

        foreach (var user in new[] { "yz.leader", "yz.scj" })
        {
            var person = TasksApp.Bearer(await app.TokenAsync(user));
            foreach (var action in new[] { "carry", "drop" })
            {
                var refused = await Assert.ThrowsAsync<RpcException>(
                    () => Act(draft, old, person, action, reason: "不再需要"));
                Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            }
        }

        var jiangbei = TasksApp.Bearer(await app.TokenAsync("jb.admin"));
        var read = await Assert.ThrowsAsync<RpcException>(
            () => app.Tasks.GetCarryOverAsync(new GetCarryOverRequest { Id = draft.Id }, jiangbei).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        var write = await Assert.ThrowsAsync<RpcException>(() => Act(draft, old, jiangbei, "carry"));
        Assert.Equal(StatusCode.NotFound, write.StatusCode);

        Assert.Equal(0L, await app.ScalarAsync(
            "SELECT count(*) FROM carry_over_choices WHERE \"TaskListId\" = @id",
            ("id", Guid.Parse(draft.Id))));
        Assert.Equal(3, (await ListAsync(draft, admin)).Tasks.Count);
    }

    [Fact]
    public async Task PublishingSendsOneTaskCarriedOverPerDecisionAndFixesThem()
    {
        var admin = await AdminAsync();
        var (closed, _) = await CloseYearAsync(2059, admin);
        var draft = await DraftAsync(2060, admin);
        var (one, two, three) = (closed.Tasks[0], closed.Tasks[1], closed.Tasks[2]);
        var carried = await Act(draft, one, admin, "carry");
        var target = (await ListAsync(draft, admin)).Tasks.Single(t => t.Number == "1");
        await Act(draft, two, admin, "drop", reason: "先放弃");
        await Act(draft, two, admin, "match", taskId: target.Id);
        await Act(draft, three, admin, "drop", reason: "任务已由市级统筹");

        await app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin);

        var sent = await CarriedOverEventsAsync(closed);
        Assert.Equal(3, sent.Count);
        var byTask = sent.ToDictionary(e => e.GetProperty("fromTaskId").GetString()!);
        Assert.Equal(
            ((int)CarryOverDecision.Carried, carried.ToTaskId, 2060, 2059),
            (byTask[one.Id].GetProperty("decision").GetInt32(), byTask[one.Id].GetProperty("toTaskId").GetString(),
                byTask[one.Id].GetProperty("toYear").GetInt32(), byTask[one.Id].GetProperty("fromYear").GetInt32()));
        Assert.Equal(
            ((int)CarryOverDecision.Matched, target.Id),
            (byTask[two.Id].GetProperty("decision").GetInt32(), byTask[two.Id].GetProperty("toTaskId").GetString()));
        Assert.Equal(
            ((int)CarryOverDecision.Dropped, "任务已由市级统筹"),
            (byTask[three.Id].GetProperty("decision").GetInt32(), byTask[three.Id].GetProperty("reason").GetString()));

        // Fixed: no action changes them any more, on the published list or on a later draft of the year.
        var offered = await app.Tasks.GetCarryOverAsync(new GetCarryOverRequest { Id = draft.Id }, admin);
        Assert.False(offered.Editable);
        Assert.All(offered.Candidates, c => Assert.True(c.Fixed));
        var onPublished = await Assert.ThrowsAsync<RpcException>(() => Act(draft, three, admin, "carry"));
        Assert.Equal(StatusCode.FailedPrecondition, onPublished.StatusCode);
        var revision = await DraftAsync(2060, admin);
        var later = await app.Tasks.GetCarryOverAsync(new GetCarryOverRequest { Id = revision.Id }, admin);
        Assert.Equal(
            ["carried", "matched", "dropped"],
            later.Candidates.OrderBy(c => c.Number).Select(c => c.Decision));
        Assert.All(later.Candidates, c => Assert.True(c.Fixed));
        var onRevision = await Assert.ThrowsAsync<RpcException>(() => Act(revision, three, admin, "carry"));
        Assert.Equal(StatusCode.FailedPrecondition, onRevision.StatusCode);

        // The published list's event names the link of the carried task.
        var published = JsonDocument.Parse((await app.PublishedEventAsync(draft.Id))!).RootElement;
        var link = published.GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("taskId").GetString() == carried.ToTaskId);
        Assert.Equal((one.Id, 2059), (link.GetProperty("carriedFromTaskId").GetString(),
            link.GetProperty("carriedFromYear").GetInt32()));
        Assert.Equal(3, (await CarriedOverEventsAsync(closed)).Count);
    }

    [Fact]
    public async Task ADecisionRacingThePublicationIsEitherPublishedWithItsEventOrRefused()
    {
        var admin = await AdminAsync();
        var (closed, _) = await CloseYearAsync(2065, admin);
        var draft = await DraftAsync(2066, admin);

        // Another transaction holds the list's row: the publication and the decision both queue behind it.
        await using var holder = new NpgsqlConnection(app.TasksDatabase.AdminConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(
            "SELECT 1 FROM task_lists WHERE \"Id\" = @id FOR UPDATE", holder, held))
        {
            lockRow.Parameters.AddWithValue("id", Guid.Parse(draft.Id));
            await lockRow.ExecuteScalarAsync();
        }

        var publish = app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin).ResponseAsync;
        await Task.Delay(300);
        var carry = Act(draft, closed.Tasks[0], admin, "carry");
        await Task.Delay(300);
        await held.RollbackAsync();
        await publish;
        var carried = await Record.ExceptionAsync(() => carry);

        var choices = (long)(await app.ScalarAsync(
            "SELECT count(*) FROM carry_over_choices WHERE \"TaskListId\" = @id",
            ("id", Guid.Parse(draft.Id))))!;
        var sent = await CarriedOverEventsAsync(closed);
        Assert.Equal(choices, sent.Count);
        var published = JsonDocument.Parse((await app.PublishedEventAsync(draft.Id))!).RootElement;
        Assert.Equal(3 + (int)choices, published.GetProperty("tasks").GetArrayLength());
        if (carried is not null)
        {
            Assert.Equal(StatusCode.FailedPrecondition, Assert.IsType<RpcException>(carried).StatusCode);
        }
    }

    [Fact]
    public async Task TheDiffShowsCarriedTasksApartFromPlainAdditions()
    {
        var admin = await AdminAsync();
        var (closed, _) = await CloseYearAsync(2061, admin);
        var draft = await DraftAsync(2062, admin);
        var carried = await Act(draft, closed.Tasks[0], admin, "carry");

        var diff = await app.Tasks.DiffTaskListAsync(new DiffTaskListRequest { Id = draft.Id }, admin);

        Assert.Equal(["1", "2", "3"], diff.Added.Select(c => c.Number));
        var apart = Assert.Single(diff.Carried);
        Assert.Equal(
            ("carried", carried.ToTaskNumber, closed.Tasks[0].Id, 2061),
            (apart.Kind, apart.Number, apart.CarriedFrom.TaskId, apart.CarriedFrom.Year));
    }

    [Fact]
    public async Task ADraftWhosePreviousYearWasNotClosedHasNothingToCarryOver()
    {
        var admin = await AdminAsync();
        var draft = await DraftAsync(2064, admin);

        var read = await Assert.ThrowsAsync<RpcException>(
            () => app.Tasks.GetCarryOverAsync(new GetCarryOverRequest { Id = draft.Id }, admin).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, read.StatusCode);
        var carry = await Assert.ThrowsAsync<RpcException>(
            () => Act(draft, new ProtoTask { Id = Guid.NewGuid().ToString() }, admin, "carry"));
        Assert.Equal(StatusCode.FailedPrecondition, carry.StatusCode);
    }

    private async Task<Metadata> AdminAsync() => TasksApp.Bearer(await app.TokenAsync("yz.admin"));

    /// <summary>The year's list published, then closed with every task unfinished; waits until it is offered.</summary>
    private async Task<(TaskList Closed, Guid MessageId)> CloseYearAsync(int year, Metadata admin)
    {
        var draft = (await app.Tasks.ImportTaskListAsync(
            new ImportTaskListRequest
            {
                Year = year,
                FileName = $"{year}.txt",
                Content = ByteString.CopyFrom(Documents.Original()),
            },
            admin)).TaskList;
        foreach (var name in draft.UnresolvedUnits.Select(u => u.PrintedName))
        {
            await app.Tasks.MapUnitNameAsync(
                new MapUnitNameRequest { TaskListId = draft.Id, PrintedName = name, CreateUnit = true },
                admin);
        }

        await app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin);
        var closed = await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, admin);
        var messageId = Guid.NewGuid();
        var message = YearClosedOf(year, closed.Tasks, text: null);
        await PublishAsync(message, messageId);
        await PublishAsync(message, messageId); // a redelivery
        return (closed, messageId);
    }

    /// <summary>Next year's document: the housing reform reworded, a new task, the opening service shortened.</summary>
    private async Task<TaskList> DraftAsync(int year, Metadata admin) =>
        (await app.Tasks.ImportTaskListAsync(
            new ImportTaskListRequest
            {
                Year = year,
                FileName = $"{year}.txt",
                Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes($$"""
                    测试府办〔{{year}}〕2号
                    关于印发《测试区{{year}}年重点任务清单》的通知
                    {{year}}年2月1日
                    （一）市场准入。（牵头单位：区市场监管局）
                    1.深化住所申报承诺制改革，全面推广集群注册模式。
                    2.推行政务服务“好差评”制度。
                    3.升级开办企业服务。
                    """)),
            },
            admin)).TaskList;

    private static YearClosed YearClosedOf(int year, IEnumerable<ProtoTask> tasks, string? text) => new()
    {
        TenantId = "500103",
        Year = year,
        ClosedBy = "yz.admin",
        OccurredAt = DateTimeOffset.UtcNow,
        Unfinished = tasks.Select(t => new UnfinishedTask
        {
            TaskId = Guid.Parse(t.Id),
            Number = t.Number,
            Category = t.Category,
            Text = text ?? t.Text,
            Outcome = "未完成",
            LeadUnits = t.LeadUnits.Select(u => new AssignedUnit(Guid.Parse(u.UnitId), u.UnitName)).ToList(),
        }).ToList(),
    };

    /// <summary>Publishes the event with the given message id and waits until the tasks service consumed it.</summary>
    private async Task PublishAsync(YearClosed message, Guid messageId)
    {
        var consumed = () => app.ScalarAsync(
            """SELECT count(*) FROM inbox_messages WHERE "MessageId" = @id""",
            ("id", messageId));
        var before = (long)(await consumed())!;
        var bus = app.TasksServices.GetRequiredService<IBus>();
        await bus.Publish(message, c => c.MessageId = messageId);
        if (before > 0)
        {
            // A redelivery leaves no trace but its log line: give it the time a first delivery takes.
            await Task.Delay(1000);
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await consumed())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "YearClosed was never consumed");
            await Task.Delay(200);
        }
    }

    private Task<CarryOverCandidate> Act(
        TaskList draft, ProtoTask from, Metadata person, string action, string taskId = "", string reason = "")
    {
        var request = new CarryOverActionRequest
        {
            Id = draft.Id, FromTaskId = from.Id, TaskId = taskId, Reason = reason,
        };
        return action switch
        {
            "carry" => app.Tasks.CarryTaskAsync(request, person).ResponseAsync,
            "match" => app.Tasks.MatchTaskAsync(request, person).ResponseAsync,
            _ => app.Tasks.DropTaskAsync(request, person).ResponseAsync,
        };
    }

    private async Task<TaskList> ListAsync(TaskList draft, Metadata admin) =>
        await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, admin);

    /// <summary>The outbox's TaskCarriedOver events of the closed list's tasks.</summary>
    private async Task<List<JsonElement>> CarriedOverEventsAsync(TaskList closed)
    {
        var json = (string?)await app.ScalarAsync(
            """
            SELECT coalesce(json_agg("Body"), '[]')::text FROM outbox_messages
            WHERE "MessageType" LIKE 'Platform.Contracts.Events.TaskCarriedOver,%'
              AND "Body"->>'fromTaskId' = ANY(@ids)
            """,
            ("ids", closed.Tasks.Select(t => t.Id).ToArray()));
        return JsonDocument.Parse(json!).RootElement.EnumerateArray().ToList();
    }
}
