using System.Text;
using System.Text.Json;
using Google.Protobuf;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Tasks.V1;
using Task = System.Threading.Tasks.Task;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Tasks.Tests;

/// <summary>
/// Two units merge in the directory, and the task lists follow on the event: every place of the merged unit — printed
/// name kept — names the unit that took it over, in the published list as in the drafts; the list's next version names
/// each unit once, as lead if it leads; and the directory's later renames show, while an older unit event arriving late
/// changes nothing.
/// </summary>
[Collection(TasksCollection.Name)]
public sealed class UnitMergeTests(TasksApp app)
{
    [Fact]
    public async Task EveryPlaceOfAMergedUnitNamesTheUnitThatTookItOverAndTheNextVersionNamesItOnce()
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var s = Guid.NewGuid().ToString("N")[..6];
        var merged = await app.Units.CreateUnitAsync(new UnitsV1.CreateUnitRequest { Name = "区商务委" + s }, admin);
        var into = await app.Units.CreateUnitAsync(new UnitsV1.CreateUnitRequest { Name = "区工业和信息化局" + s }, admin);
        async Task<TaskList> ImportAsync(string fileName, bool revised) =>
            (await app.Tasks.ImportTaskListAsync(
                new ImportTaskListRequest
                {
                    Year = 2031,
                    FileName = fileName,
                    Content = ByteString.CopyFrom(Document(merged.Name, into.Name, revised)),
                },
                admin)).TaskList;

        var draft = await ImportAsync("2031.txt", revised: false);
        Assert.Empty(draft.UnresolvedUnits);
        var published = await app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin);
        async Task<TaskList> PublishedAsync() =>
            await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = published.Id }, admin);

        await EventuallyAsync(
            async () => (await app.Units.GetUnitAsync(new UnitsV1.GetUnitRequest { Id = merged.Id }, admin))
                .OpenTaskCount == 2,
            "the published list never reached the directory");

        var answer = await app.Units.MergeUnitAsync(
            new UnitsV1.MergeUnitRequest { Id = merged.Id, IntoId = into.Id },
            admin);
        Assert.Equal(2, answer.OpenTasksMoved);
        await EventuallyAsync(
            async () => (await PublishedAsync()).Tasks
                .SelectMany(t => t.LeadUnits.Concat(t.ResponsibleUnits))
                .All(u => u.UnitId == into.Id),
            "the merge never reached the task lists");

        var tasks = (await PublishedAsync()).Tasks;
        var first = tasks.Single(t => t.Number == "1");
        Assert.Equal(
            (merged.Name, into.Name),
            (first.LeadUnits.Single().PrintedName, first.LeadUnits.Single().UnitName));
        Assert.Equal([merged.Name, into.Name], tasks.Single(t => t.Number == "2").LeadUnits.Select(u => u.PrintedName));
        var byUnit = await app.Tasks.ListTasksAsync(new ListTasksRequest { Year = 2031, UnitId = into.Id }, admin);
        Assert.Equal(["1", "2"], byUnit.Tasks.Select(t => t.Number));
        var byMerged = await app.Tasks.ListTasksAsync(new ListTasksRequest { Year = 2031, UnitId = merged.Id }, admin);
        Assert.Empty(byMerged.Tasks);

        // A revised document still prints the merged unit's name: it resolves to the unit that took over, and the
        // published event names each unit of a task once, the lead not again as a responsible unit.
        var revised = await ImportAsync("2031修订.txt", revised: true);
        Assert.Empty(revised.UnresolvedUnits);
        await app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = revised.Id }, admin);
        var sent = await PublishedEventAsync(revised.Id);
        foreach (var task in sent.GetProperty("tasks").EnumerateArray())
        {
            Assert.Equal([into.Id], UnitIds(task, "leadUnits"));
            Assert.DoesNotContain(into.Id, UnitIds(task, "responsibleUnits"));
        }

        // The unit that took over is renamed: its new name shows everywhere. Its creation event delivered again, late,
        // brings back nothing.
        var renamed = await app.Units.RenameUnitAsync(
            new UnitsV1.RenameUnitRequest { Id = into.Id, Name = "区经济和信息化委" + s },
            admin);
        await EventuallyAsync(
            async () => (await PublishedAsync()).Tasks
                .SelectMany(t => t.LeadUnits)
                .All(u => u.UnitName == renamed.Name),
            "the rename never reached the task lists");
        await ReplayCreationAsync(into.Id);
        var names = (await PublishedAsync()).Tasks.SelectMany(t => t.LeadUnits).Select(u => u.UnitName);
        Assert.All(names, n => Assert.Equal(renamed.Name, n));
    }

    private static byte[] Document(string merged, string into, bool revised) => Encoding.UTF8.GetBytes($$"""
        测试府办〔2031〕1号
        重庆市渝中区人民政府办公室
        关于印发《测试区2031年重点任务清单》的通知
        各有关单位：
        现将清单印发给你们，请认真抓好落实。各牵头单位每月底报送工作进展情况。
        2031年1月5日
        一、主要任务
        （一）外贸。（牵头单位：{{merged}}，责任单位：{{into}}）
        1.外贸稳增长。
        （二）数字经济。（牵头单位：{{merged}}、{{into}}）
        2.数字经济发展。
        {{(revised ? "3.新增数字化改造项目。" : string.Empty)}}
        """);

    /// <summary>The outbox's copy of the list's TaskListPublished event.</summary>
    private static List<string?> UnitIds(JsonElement task, string role) =>
        task.GetProperty(role).EnumerateArray().Select(u => u.GetProperty("unitId").GetString()).ToList();

    private async Task<JsonElement> PublishedEventAsync(string listId) =>
        JsonDocument.Parse(await app.PublishedEventAsync(listId) ?? throw new InvalidOperationException("no event"))
            .RootElement;

    /// <summary>
    /// The directory's first event of the unit (version 1, its first name) delivered again, as a redelivery after an
    /// outage would, and waits until the tasks service has consumed it.
    /// </summary>
    private async Task ReplayCreationAsync(string unitId)
    {
        var bus = app.TasksServices.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();
        var created = new Platform.Contracts.Events.UnitChanged
        {
            TenantId = "500103",
            UnitId = Guid.Parse(unitId),
            Change = Platform.Contracts.Events.UnitChangeKind.Created,
            Name = "旧名称",
            Version = 1,
            OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
        };
        await bus.Publish(created, c => c.MessageId = messageId);
        await EventuallyAsync(
            async () => (long)(await app.ScalarAsync(
                """SELECT count(*) FROM inbox_messages WHERE "MessageId" = @id""",
                ("id", messageId)))! == 1,
            "the late event was never consumed");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }
}
