using System.Text;
using System.Text.Json.Nodes;
using Platform.Cli.Online;

namespace Platform.Cli.Tests;

/// <summary>
/// The online commands in-process against a fake gateway: what they print of the API's answers (read into records),
/// that --json prints the answer unchanged, and the exit code and one-line reason of a refusal.
/// </summary>
public sealed class OnlineCommandTests : IDisposable
{
    private readonly string configDir = Path.Combine(Path.GetTempPath(), "duban-cli-" + Guid.NewGuid().ToString("N"));
    private readonly FakeGateway gateway = new();

    public OnlineCommandTests()
    {
        Environment.SetEnvironmentVariable("DUBAN_CONFIG_DIR", configDir);
        CredentialStore.Save(new Credentials(
            gateway.Address, "yz.admin", Jwt("""{"tenant":"500103","role":"district-admin"}"""), null,
            DateTimeOffset.UtcNow.AddHours(1)));
    }

    [Fact]
    public async Task TasksAreATableOfTheirFieldsAndTheTotal()
    {
        gateway.Answer("GET /api/v1/tasks?pageSize=500&year=2023", Tasks);

        var (exit, output, error) = await RunAsync("tasks", "--year", "2023");

        Assert.Equal((0, string.Empty), (exit, error));
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("1 ", StringComparison.Ordinal) && l.Contains("区财政局、区税务局")
            && l.Contains("2023-12-31") && l.Contains('✓') && l.Contains("压减开办时间"));
        Assert.Contains(lines, l => l.StartsWith("2 ", StringComparison.Ordinal) && l.Contains("年底前")
            && !l.Contains('✓'));
        Assert.Contains("2 of 7 tasks", output);
    }

    [Fact]
    public async Task JsonPrintsTheAnswerAsItCame()
    {
        gateway.Answer("GET /api/v1/tasks?pageSize=500", Tasks);

        var (exit, output, _) = await RunAsync("tasks", "--json");

        Assert.Equal(0, exit);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Tasks), JsonNode.Parse(output)), output);
        Assert.Contains("区财政局", output); // Chinese unescaped
    }

    [Fact]
    public async Task ANewAccountsOneTimePasswordIsPrintedWithWhatToDoWithIt()
    {
        gateway.Answer(
            "POST /api/v1/accounts",
            """{"id":"7d2c","username":"yz.new","displayName":"新人","initialPassword":"Kq7-pX2m"}""");

        var (exit, output, _) = await RunAsync(
            "accounts", "create", "yz.new", "--name", "新人", "--role", "unit-reporter");

        Assert.Equal(0, exit);
        Assert.Equal(
            "已创建 Created yz.new (7d2c).\n一次性初始密码 One-time initial password: Kq7-pX2m\n"
            + "It is shown only now. Hand it to the person; at the first sign-in they must choose their own.\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ADistrictsFirstAdminGetsTheSameHandover()
    {
        gateway.Answer(
            "POST /api/v1/tenants",
            """{"id":"500106","name":"沙坪坝区","firstAdmin":{"username":"spb.admin","initialPassword":"Zr4-tQ8w"}}""");

        var (exit, output, _) = await RunAsync("tenants", "create", "500106", "--admin", "spb.admin");

        Assert.Equal(0, exit);
        Assert.Equal(
            "已开通 Provisioned 500106 沙坪坝区.\n首位管理员 First district-admin: spb.admin\n"
            + "一次性初始密码 One-time initial password: Zr4-tQ8w\n"
            + "It is shown only now. Hand it to the person; at the first sign-in they must choose their own.\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task AnAppliedWorkbookListsEachPersonsPassword()
    {
        var workbook = Path.Combine(configDir, "目录.xlsx");
        Directory.CreateDirectory(configDir);
        await File.WriteAllBytesAsync(workbook, Encoding.UTF8.GetBytes("not read by the fake"));
        gateway.Answer("POST /api/v1/units:applyImport", """
            {"preview":{"rows":[{"sheet":"人员","row":2,"name":"jb.xf","action":"create","warnings":["无手机"]}],
             "accountsToCreate":1},
             "accounts":[{"id":"a1","username":"jb.xf","initialPassword":"Hm3-vL9s"}]}
            """);

        var (exit, output, _) = await RunAsync("accounts", "import", workbook, "--apply");

        Assert.Equal(0, exit);
        Assert.Contains("jb.xf", output.Split('\n')[2]);
        Assert.Contains("无手机", output);
        Assert.EndsWith(
            "已导入 Imported. One-time passwords:\n  jb.xf  Hm3-vL9s\n"
            + "Hand each to its person; at the first sign-in they must choose their own.\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task AWorkbookPreviewCountsWhatItWouldCreate()
    {
        var workbook = Path.Combine(configDir, "目录.xlsx");
        Directory.CreateDirectory(configDir);
        await File.WriteAllBytesAsync(workbook, Encoding.UTF8.GetBytes("not read by the fake"));
        gateway.Answer("POST /api/v1/units:previewImport", """{"rows":[],"unitsToCreate":2,"rowsWithProblems":1}""");

        var (exit, output, _) = await RunAsync("units", "import", workbook);

        Assert.Equal(0, exit);
        Assert.Contains(
            "2 unit(s) and 0 person(s) to create; 1 row(s) with problems. Nothing was written; add --apply to import.",
            output);
    }

    [Fact]
    public async Task TheDashboardIsLightsByCategoryLaggingTasksAndLateUnits()
    {
        gateway.Answer("GET /api/v1/dashboards/district?period=2023-07", """
            {"total":{"green":5,"yellow":2,"red":1,"overdue":3},"disagreements":1,
             "byCategory":[{"name":"市场准入","green":3,"yellow":1,"red":0,"overdue":1}],
             "lagging":[{"number":"4","light":"LIGHT_RED","leadUnit":"区税务局","reasons":"逾期","problems":"系统未通"}],
             "lateUnits":[{"name":"区税务局","overdue":2}]}
            """);

        var (exit, output, _) = await RunAsync("dashboard", "--period", "2023-07");

        Assert.Equal(0, exit);
        Assert.StartsWith(
            "2023-07  绿 green 5  黄 yellow 2  红 red 1  逾期 overdue 3  自评不一致 disagreements 1", output);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("市场准入", StringComparison.Ordinal) && l.Contains(" 3 "));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("4 ", StringComparison.Ordinal) && l.Contains('红'));
        Assert.Contains("迟报单位 late units: 区税务局（2）", output);
    }

    [Fact]
    public async Task TheOperatorSeesEveryServicesQueues()
    {
        foreach (var service in new[] { "tasks", "reporting", "notifications" })
        {
            gateway.Answer(
                $"GET /api/v1/ops/{service}/queues",
                $$"""{"service":"{{service}}","queues":[{"queue":"{{service}}-x","ready":1,"error":2,"skipped":0}]}""");
        }

        var (exit, output, _) = await RunAsync("ops", "queues");

        Assert.Equal(0, exit);
        Assert.Equal(4, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("notifications", StringComparison.Ordinal)
            && l.Contains("notifications-x") && l.Contains(" 2 "));
    }

    [Fact]
    public async Task SigningInPrintsTheDistrictAndRolesOfTheToken()
    {
        var token = Jwt("""{"tenant":"500103","role":["district-admin","unit-reporter"]}""");
        gateway.Answer("POST /connect/token", $$"""{"access_token":"{{token}}","expires_in":3600}""");

        var (exit, output, _) = await RunAsync("login", "--user", "yz.admin", "--password", "demo");

        Assert.Equal(0, exit);
        Assert.StartsWith(
            $"已登录 Signed in as yz.admin (tenant 500103, district-admin, unit-reporter) at {gateway.Address}",
            output);
    }

    [Fact]
    public async Task ARefusalIsOneLineAndExitOne()
    {
        var (exit, output, error) = await RunAsync("units", "retire", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");

        Assert.Equal((1, string.Empty), (exit, output));
        Assert.Equal(
            "platform: 404 no such route: POST /api/v1/units/3f2504e0-4f89-11d3-9a0c-0305e82c3301:retire",
            error.Trim());
    }

    public void Dispose()
    {
        gateway.Dispose();
        Environment.SetEnvironmentVariable("DUBAN_CONFIG_DIR", null);
        if (Directory.Exists(configDir))
        {
            Directory.Delete(configDir, recursive: true);
        }
    }

    private const string Tasks = """
        {"tasks":[
          {"id":"t1","number":"1","category":"市场准入","text":"压减开办时间","deadline":"2023-12-31",
           "leadUnits":[{"unitName":"区财政局","unitId":"u1"},{"unitName":"区税务局","unitId":"u2"}],
           "signatures":[{"unitId":"u1","unitName":"区财政局"}]},
          {"id":"t2","number":"2","category":"市场准入","text":"优化审批","deadline":"","deadlineText":"年底前",
           "leadUnits":[{"printedName":"区某局"}]}],
         "totalSize":"7"}
        """;

    private static string Jwt(string claims) =>
        "e30." + Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        + ".signature";

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PlatformCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
