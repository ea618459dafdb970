using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Tasks.V1;
using Task = System.Threading.Tasks.Task;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Tasks.Tests;

/// <summary>
/// A district's year: import, map what the directory does not know, publish, revise, sign for — and who may not.
/// </summary>
[Collection(TasksCollection.Name)]
public sealed class TaskListWorkflowTests(TasksApp app)
{
    [Fact]
    public async Task ImportMapPublishReviseAndSignFor()
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var office = "区政务服务办" + Guid.NewGuid().ToString("N")[..4];
        var imported = await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2023, FileName = "测试区2023.txt", Content = ByteString.CopyFrom(Documents.Original(office)),
        }, admin);
        var draft = imported.TaskList;
        Assert.Equal(TaskListStatus.Draft, draft.Status);
        Assert.Equal(3, imported.Report.TaskCount);
        Assert.Equal("测试府办〔2023〕7号", draft.Notice.DocNumber);
        var unresolved = Assert.Single(imported.Report.UnresolvedUnits);
        Assert.Equal(office, unresolved.PrintedName);
        Assert.Equal(["3"], unresolved.TaskNumbers);

        // The alias resolves through the directory: 区经信委 is 区经济信息委.
        var task1 = draft.Tasks.Single(t => t.Number == "1");
        Assert.Equal("区市场监管局", Assert.Single(task1.LeadUnits).UnitName);
        Assert.Contains(task1.ResponsibleUnits, u => u.PrintedName == "区经信委" && u.UnitName == "区经济信息委");

        var refused = await FailsAsync(
            () => app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains(office, refused.Status.Detail);

        var mapped = await app.Tasks.MapUnitNameAsync(
            new MapUnitNameRequest { TaskListId = draft.Id, PrintedName = office, CreateUnit = true },
            admin);
        Assert.Empty(mapped.UnresolvedUnits);

        var published = await app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin);
        Assert.Equal(TaskListStatus.Published, published.Status);
        Assert.Equal(1, published.Version);
        await AssertPublishedEventAsync(draft.Id, office);

        var byUnit = await app.Tasks.ListTasksAsync(
            new ListTasksRequest { Year = 2023, UnitId = app.ScjUnitId },
            admin);
        Assert.Equal(["1", "2"], byUnit.Tasks.Select(t => t.Number));
        var byText = await app.Tasks.ListTasksAsync(new ListTasksRequest { Year = 2023, Query = "网上办理" }, admin);
        Assert.Equal("3", Assert.Single(byText.Tasks).Number);

        // The lead unit's reporter signs for its own task, not for another unit's.
        var scj = TasksApp.Bearer(await app.TokenAsync("yz.scj"));
        var signed = await app.Tasks.SignForTaskAsync(new SignForTaskRequest { Id = byUnit.Tasks[0].Id }, scj);
        Assert.Equal(app.ScjUnitId, Assert.Single(signed.Signatures).UnitId);
        var task3 = published.Tasks.Single(t => t.Number == "3");
        var notMine = await FailsAsync(() => app.Tasks.SignForTaskAsync(new SignForTaskRequest { Id = task3.Id }, scj));
        Assert.Equal(StatusCode.PermissionDenied, notMine.StatusCode);

        // A revised document: the draft lists its differences, then becomes version 2 and archives version 1.
        var revised = await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2023, FileName = "测试区2023修订.txt", Content = ByteString.CopyFrom(Documents.Revised(office)),
        }, admin);
        var diff = await app.Tasks.DiffTaskListAsync(new DiffTaskListRequest { Id = revised.TaskList.Id }, admin);
        Assert.Equal(1, diff.PublishedVersion);
        Assert.Equal(["4"], diff.Added.Select(c => c.Number));
        Assert.Empty(diff.Removed);
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("2", changed.Number);
        Assert.Contains("text", changed.Fields);

        var version2 = await app.Tasks.PublishTaskListAsync(
            new PublishTaskListRequest { Id = revised.TaskList.Id },
            admin);
        Assert.Equal(2, version2.Version);
        var lists = await app.Tasks.ListTaskListsAsync(new ListTaskListsRequest { Year = 2023 }, admin);
        Assert.Equal(TaskListStatus.Archived, lists.TaskLists.Single(l => l.Id == draft.Id).Status);
        var current = await app.Tasks.ListTasksAsync(new ListTasksRequest { Year = 2023 }, admin);
        Assert.Equal(["1", "2", "3", "4"], current.Tasks.Select(t => t.Number));
    }

    [Fact]
    public async Task UnitNamesPrintedWithoutSeparatorAreSplitIntoTheDirectorysNames()
    {
        // Neither name starts as the suffix rule expects a name to start, so only the directory can split them.
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var tag = Guid.NewGuid().ToString("N")[..4];
        var park = await app.Units.CreateUnitAsync(new UnitsV1.CreateUnitRequest { Name = $"寸滩{tag}管委会" }, admin);
        var group = await app.Units.CreateUnitAsync(new UnitsV1.CreateUnitRequest { Name = $"江北嘴{tag}投资集团" }, admin);
        var document = $"""
            2024年重点任务分工
            | 序号 | 上级部署任务 | 本级落实措施 | 牵头单位 | 责任单位 | 完成时限 |
            | 1 | 推进开放平台建设 | 1.建成保税仓库2个；2.新开国际航线1条 | {park.Name}{group.Name} | 区商务委 | 年底前 |
            """;

        var imported = await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2024, FileName = "2024.txt", Content = ByteString.CopyFromUtf8(document),
        }, admin);

        var tasks = imported.TaskList.Tasks;
        Assert.Equal(["1.1", "1.2"], tasks.Select(t => t.Number));
        Assert.Equal("建成保税仓库2个（上级部署：推进开放平台建设）", tasks[0].Text);
        Assert.All(tasks, t => Assert.Equal([park.Name, group.Name], t.LeadUnits.Select(u => u.UnitName)));
        Assert.Contains(
            imported.Report.Warnings,
            w => w.Code == "units-split" && w.Message.Contains("按单位名录拆分", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MappingToAnExistingUnitTeachesTheDirectoryTheAlias()
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var unit = await app.Units.CreateUnitAsync(
            new UnitsV1.CreateUnitRequest { Name = "区政务服务管理办公室" + Guid.NewGuid().ToString("N")[..4] },
            admin);
        var office = "区政务办" + Guid.NewGuid().ToString("N")[..4];
        var draft = (await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2024, FileName = "2024.txt", Content = ByteString.CopyFrom(Documents.Original(office)),
        }, admin)).TaskList;
        Assert.Contains(draft.UnresolvedUnits, u => u.PrintedName == office);

        var mapped = await app.Tasks.MapUnitNameAsync(
            new MapUnitNameRequest { TaskListId = draft.Id, PrintedName = office, UnitId = unit.Id },
            admin);
        Assert.Equal(unit.Name, mapped.Tasks.Single(t => t.Number == "3").LeadUnits[0].UnitName);
        var resolved = await app.Units.ResolveUnitNamesAsync(
            new UnitsV1.ResolveUnitNamesRequest { Names = { office } },
            admin);
        Assert.Equal(unit.Id, resolved.Results[0].Unit.Id);

        var error = await FailsAsync(() => app.Tasks.MapUnitNameAsync(
            new MapUnitNameRequest { TaskListId = draft.Id, PrintedName = "区不存在的名称", UnitId = unit.Id },
            admin));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);

        // The directory's not-found reaches the caller in its own words, not wrapped in a second one.
        var missing = Guid.NewGuid().ToString();
        var notFound = await FailsAsync(() => app.Tasks.MapUnitNameAsync(
            new MapUnitNameRequest { TaskListId = draft.Id, PrintedName = office, UnitId = missing },
            admin));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal($"unit '{missing}' was not found.", notFound.Status.Detail);

        // A unit the office retired takes no new task.
        var gone = await app.Units.CreateUnitAsync(
            new UnitsV1.CreateUnitRequest { Name = "区已撤销机构" + Guid.NewGuid().ToString("N")[..6] },
            admin);
        await app.Units.RetireUnitAsync(new UnitsV1.UnitActionRequest { Id = gone.Id }, admin);
        var retired = await FailsAsync(() => app.Tasks.MapUnitNameAsync(
            new MapUnitNameRequest { TaskListId = draft.Id, PrintedName = office, UnitId = gone.Id },
            admin));
        Assert.Equal(StatusCode.FailedPrecondition, retired.StatusCode);
        Assert.Contains("retired", retired.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheDistrictOfficeImportsAndOtherDistrictsSeeNothing()
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var draft = (await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2025, FileName = "2025.txt", Content = ByteString.CopyFrom(Documents.Original()),
        }, admin)).TaskList;

        foreach (var who in new[] { "yz.leader", "yz.scj" })
        {
            var token = TasksApp.Bearer(await app.TokenAsync(who));
            var import = await FailsAsync(() => app.Tasks.ImportTaskListAsync(
                new ImportTaskListRequest
                {
                    Year = 2023, FileName = "x.txt", Content = ByteString.CopyFrom(Documents.Original()),
                },
                token));
            Assert.Equal(StatusCode.PermissionDenied, import.StatusCode);
            var publish = await FailsAsync(
                () => app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, token));
            Assert.Equal(StatusCode.PermissionDenied, publish.StatusCode);
            Assert.Equal(
                draft.Id,
                (await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, token)).Id);
        }

        var jb = TasksApp.Bearer(await app.TokenAsync("jb.admin"));
        foreach (var call in new Func<Task>[]
        {
            () => app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, jb).ResponseAsync,
            () => app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, jb).ResponseAsync,
            () => app.Tasks.UpdateTaskAsync(
                new UpdateTaskRequest { TaskListId = draft.Id, Number = "1", Text = "篡改" },
                jb).ResponseAsync,
            () => app.Tasks.GetTaskAsync(new GetTaskRequest { Id = draft.Tasks[0].Id }, jb).ResponseAsync,
            () => app.Tasks.DiffTaskListAsync(new DiffTaskListRequest { Id = draft.Id }, jb).ResponseAsync,
        })
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.NotFound, error.StatusCode);
        }

        Assert.DoesNotContain(
            (await app.Tasks.ListTaskListsAsync(new ListTaskListsRequest(), jb)).TaskLists,
            l => l.Id == draft.Id);
    }

    [Fact]
    public async Task AnEditedDraftKeepsTheOfficesCorrections()
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var draft = (await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2026, FileName = "2026.txt", Content = ByteString.CopyFrom(Documents.Original()),
        }, admin)).TaskList;
        var edited = await app.Tasks.UpdateTaskAsync(new UpdateTaskRequest
        {
            TaskListId = draft.Id,
            Number = "3",
            ReplaceUnits = true,
            LeadUnits = { "区财政局" },
            ResponsibleUnits = { "区财政局", "区经信委" },
            Deadline = "2026-09-30", DeadlineText = "2026年9月底前",
        }, admin);
        Assert.Equal("区财政局", Assert.Single(edited.LeadUnits).UnitName);
        Assert.Equal("区经济信息委", Assert.Single(edited.ResponsibleUnits).UnitName);
        Assert.Equal("2026-09-30", edited.Deadline);

        // An unknown direction, a task with more units, targets or indicators than any list has: refused, nothing kept.
        async Task<string> RefusedAsync(UpdateTaskRequest request)
        {
            var error = await FailsAsync(() => app.Tasks.UpdateTaskAsync(request, admin));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            return error.Status.Detail;
        }

        Assert.Contains("Sideways", await RefusedAsync(new UpdateTaskRequest
        {
            TaskListId = draft.Id,
            Number = "3",
            ReplaceTargets = true,
            Targets = { new Target { Text = "横着走", Direction = "Sideways" } },
        }));
        var crowd = new UpdateTaskRequest { TaskListId = draft.Id, Number = "3", ReplaceUnits = true };
        crowd.LeadUnits.AddRange(Enumerable.Range(1, 21).Select(i => $"区第{i}局"));
        Assert.StartsWith("lead_units", await RefusedAsync(crowd));
        Assert.StartsWith(
            "deadline",
            await RefusedAsync(new UpdateTaskRequest { TaskListId = draft.Id, Number = "3", Deadline = "0001-01-01" }));
        Assert.StartsWith(
            "deadline",
            await RefusedAsync(new UpdateTaskRequest { TaskListId = draft.Id, Number = "3", Deadline = "2032-01-01" }));
        var indicators = new UpdateTaskRequest { TaskListId = draft.Id, Number = "3", ReplaceIndicators = true };
        indicators.Indicators.AddRange(Enumerable.Range(1, 21).Select(i => $"指标{i}"));
        Assert.StartsWith("indicators", await RefusedAsync(indicators));
        Assert.Contains("U+202E", await RefusedAsync(new UpdateTaskRequest
        {
            TaskListId = draft.Id, Number = "3", ReplaceUnits = true, LeadUnits = { "\u202E局政财区" },
        }));

        var reloaded = await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, admin);
        Assert.Empty(reloaded.UnresolvedUnits);
        Assert.Equal("区财政局", Assert.Single(reloaded.Tasks.Single(t => t.Number == "3").LeadUnits).UnitName);
        var published = await app.Tasks.PublishTaskListAsync(new PublishTaskListRequest { Id = draft.Id }, admin);
        var bad = await Assert.ThrowsAsync<RpcException>(() => app.Tasks.UpdateTaskAsync(
            new UpdateTaskRequest { TaskListId = published.Id, Number = "1", Text = "改" }, admin).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, bad.StatusCode);
        Assert.Contains("published", bad.Status.Detail);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("binary")]
    [InlineData("no-tasks")]
    public async Task BadDocumentsAreRefusedAndNothingIsStored(string kind)
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var content = kind switch
        {
            "empty" => Array.Empty<byte>(),
            "binary" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray(),
            _ => System.Text.Encoding.UTF8.GetBytes("这是一份没有任何编号任务的普通文本。\n仅有说明文字。"),
        };
        var before = await CountListsAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2023, FileName = "bad.txt", Content = ByteString.CopyFrom(content),
        }, admin).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("content:", error.Status.Detail);
        Assert.Equal(before, await CountListsAsync());
    }

    /// <summary>The call's refusal.</summary>
    private static Task<RpcException> FailsAsync<T>(Func<AsyncUnaryCall<T>> call) =>
        Assert.ThrowsAsync<RpcException>(() => call().ResponseAsync);

    private async Task<long> CountListsAsync() => (long)(await app.ScalarAsync("SELECT count(*) FROM task_lists"))!;

    private async Task AssertPublishedEventAsync(string listId, string office)
    {
        var body = await app.PublishedEventAsync(listId);
        Assert.NotNull(body);
        Assert.Contains(office, body);
        Assert.Equal(
            "500103",
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("tenantId").GetString());
    }
}

/// <summary>The tasks service follows the unit directory through UnitChanged events on the real broker.</summary>
[Collection(TasksCollection.Name)]
public sealed class UnitDirectoryFollowingTests(TasksApp app)
{
    [Fact]
    public async Task ADraftResolvesWhenTheDirectoryLearnsTheNameAndFollowsARename()
    {
        var admin = TasksApp.Bearer(await app.TokenAsync("yz.admin"));
        var printed = "区新设局" + Guid.NewGuid().ToString("N")[..6];
        var draft = (await app.Tasks.ImportTaskListAsync(new ImportTaskListRequest
        {
            Year = 2027, FileName = "2027.txt", Content = ByteString.CopyFrom(Documents.WithUnknownLead(printed)),
        }, admin)).TaskList;
        Assert.Contains(draft.UnresolvedUnits, u => u.PrintedName == printed);

        var unit = await app.Units.CreateUnitAsync(
            new UnitsV1.CreateUnitRequest { Name = printed + "正式名", Aliases = { printed } },
            admin);
        var resolved = await Eventually(async () =>
        {
            var list = await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, admin);
            return list.UnresolvedUnits.All(u => u.PrintedName != printed) ? list : null;
        });
        Assert.Equal(printed + "正式名", resolved.Tasks.Single(t => t.Number == "2").LeadUnits[0].UnitName);

        await app.Units.RenameUnitAsync(new UnitsV1.RenameUnitRequest { Id = unit.Id, Name = printed + "新名" }, admin);
        await Eventually(async () =>
        {
            var list = await app.Tasks.GetTaskListAsync(new GetTaskListRequest { Id = draft.Id }, admin);
            return list.Tasks.Single(t => t.Number == "2").LeadUnits[0].UnitName == printed + "新名" ? list : null;
        });
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        return await probe() ?? throw new Xunit.Sdk.XunitException("the change did not arrive within 30 s");
    }
}
