using System.Net;
using System.Text;
using Grpc.Core;
using Platform.Contracts.Tasks.V1;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>The demo districts' published lists through the gateway: who reads, who signs, who is refused.</summary>
public sealed class TaskListStackTests(Stack stack) : IClassFixture<Stack>
{
    [Fact]
    public async Task YuzhongsPublishedListHasItsNinetyTasksOverRestAndGrpc()
    {
        var token = await stack.TokenAsync("yz.leader");
        var (status, body, _) = await stack.GetAsync("/api/v1/task-lists?year=2023", token);
        Assert.Equal(HttpStatusCode.OK, status);
        var published = body.GetProperty("taskLists").EnumerateArray().Single(l => l.GetProperty("status").GetString() == "TASK_LIST_STATUS_PUBLISHED");
        Assert.Equal(90, published.GetProperty("taskCount").GetInt32());
        Assert.Equal("渝中府办〔2023〕32号", published.GetProperty("notice").GetProperty("docNumber").GetString());

        var grpc = await new TaskLists.TaskListsClient(stack.Channel).ListTasksAsync(new ListTasksRequest { Year = 2023, PageSize = 500 }, Stack.Bearer(token));
        Assert.Equal(90, grpc.TotalSize);
        Assert.Equal(Enumerable.Range(1, 90).Select(i => i.ToString()), grpc.Tasks.Select(t => t.Number));
    }

    [Fact]
    public async Task TheMarketRegulatorsReporterSignsForItsOwnTasksOnly()
    {
        var token = await stack.TokenAsync("yz.scj");
        var client = new TaskLists.TaskListsClient(stack.Channel);
        var all = await client.ListTasksAsync(new ListTasksRequest { Year = 2023, PageSize = 500 }, Stack.Bearer(token));
        var mine = all.Tasks.First(t => t.LeadUnits.Any(u => u.UnitName == "区市场监管局"));
        var other = all.Tasks.First(t => t.LeadUnits.All(u => u.UnitName != "区市场监管局"));

        var (status, signed, _) = await stack.PostJsonAsync($"/api/v1/tasks/{mine.Id}:sign", token, new { });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(signed.GetProperty("signatures").EnumerateArray(), s => s.GetProperty("unitName").GetString() == "区市场监管局");

        var (refused, problem, _) = await stack.PostJsonAsync($"/api/v1/tasks/{other.Id}:sign", token, new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("PERMISSION_DENIED", problem.GetProperty("grpcStatus").GetString());
    }

    [Fact]
    public async Task JiangbeiCannotOpenYuzhongsListOrTasks()
    {
        var yz = await stack.TokenAsync("yz.admin");
        var jb = await stack.TokenAsync("jb.admin");
        var client = new TaskLists.TaskListsClient(stack.Channel);
        var yzList = (await client.ListTaskListsAsync(new ListTaskListsRequest { Year = 2023 }, Stack.Bearer(yz))).TaskLists
            .Single(l => l.Status == TaskListStatus.Published);
        var yzTask = (await client.ListTasksAsync(new ListTasksRequest { TaskListId = yzList.Id, PageSize = 1 }, Stack.Bearer(yz))).Tasks[0];

        foreach (var path in new[] { $"/api/v1/task-lists/{yzList.Id}", $"/api/v1/tasks/{yzTask.Id}", $"/api/v1/task-lists/{yzList.Id}/diff" })
        {
            var (status, _, _) = await stack.GetAsync(path, jb);
            Assert.Equal(HttpStatusCode.NotFound, status);
        }

        var (publish, _, _) = await stack.PostJsonAsync($"/api/v1/task-lists/{yzList.Id}:publish", jb, new { });
        Assert.Equal(HttpStatusCode.NotFound, publish);
        var jbTasks = await client.ListTasksAsync(new ListTasksRequest { Year = 2023, PageSize = 500 }, Stack.Bearer(jb));
        Assert.DoesNotContain(jbTasks.Tasks, t => t.TaskListId == yzList.Id);
        Assert.NotEmpty(jbTasks.Tasks);
    }

    [Fact]
    public async Task OnlyTheDistrictOfficeImports()
    {
        var content = Convert.ToBase64String(Encoding.UTF8.GetBytes("（一）测试。（牵头单位：区财政局）\n1.测试任务。"));
        foreach (var who in new[] { "yz.leader", "yz.scj", "cq.viewer" })
        {
            var (status, _, _) = await stack.PostJsonAsync("/api/v1/task-lists:import", await stack.TokenAsync(who), new { year = 2023, fileName = "t.txt", content });
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }
    }

    [Fact]
    public async Task BadUploadsAreRefusedWithTheReason()
    {
        var token = await stack.TokenAsync("jb.admin");
        var (empty, problem, _) = await stack.PostJsonAsync("/api/v1/task-lists:import", token, new { year = 2023, fileName = "empty.txt", content = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.StartsWith("content:", problem.GetProperty("detail").GetString());

        var huge = new StringContent("{\"year\":2023,\"fileName\":\"big.pdf\",\"content\":\"" + new string('A', 50 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        var (tooLarge, _, _) = await stack.SendAsync(HttpMethod.Post, "/api/v1/task-lists:import", token, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);

        var error = await Assert.ThrowsAsync<RpcException>(() => new TaskLists.TaskListsClient(stack.Channel).ImportTaskListAsync(
            new ImportTaskListRequest { Year = 2023, FileName = "x.docx", Content = Google.Protobuf.ByteString.CopyFrom(new byte[] { 0x50, 0x4b, 0x03, 0x04, 0, 0 }) },
            Stack.Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
