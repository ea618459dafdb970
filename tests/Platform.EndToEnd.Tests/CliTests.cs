using System.Text.Json;
using Platform.Cli;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The `platform` command against the running stack, as a district office would use it from a terminal.</summary>
[Collection(ReportingStackCollection.Name)]
public sealed class CliTests : IDisposable
{
    private readonly string configDir = Path.Combine(Path.GetTempPath(), "duban-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string gateway = StackEndpoints.Gateway.ToString().TrimEnd('/');

    public CliTests() => Environment.SetEnvironmentVariable("DUBAN_CONFIG_DIR", configDir);

    [Fact]
    public async Task SignInThenListAndImportWithTheKeptToken()
    {
        var (loginCode, loginOut, _) = await RunAsync("login", "--user", "jb.admin", "--password", "demo", "--gateway", gateway);
        Assert.Equal(0, loginCode);
        Assert.Contains("jb.admin", loginOut);

        var (tasksCode, tasksOut, _) = await RunAsync("tasks", "--year", "2023", "--json", "--gateway", gateway);
        Assert.Equal(0, tasksCode);
        var tasks = JsonDocument.Parse(tasksOut).RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(7, tasks.Count);

        var (table, tableOut, _) = await RunAsync("tasks", "--unit", "区市场监管局", "--gateway", gateway);
        Assert.Equal(0, table);
        Assert.Contains("开办企业", tableOut);
        Assert.Contains("2 of 2 tasks", tableOut);

        var document = Path.Combine(configDir, "江北2031.txt");
        await File.WriteAllTextAsync(document, "（一）测试。（牵头单位：区财政局）\n1.测试任务，全流程办理时限压减至3个工作日。\n");
        var (importCode, importOut, importErr) = await RunAsync("import", document, "--year", "2031", "--publish", "--gateway", gateway);
        Assert.True(importCode == 0, importErr);
        Assert.Matches("published as version [0-9]+ of 2031", importOut);
    }

    [Fact]
    public async Task TheOfficeKeepsItsUnitDirectoryFromTheTerminal()
    {
        Assert.Equal(0, (await RunAsync("login", "--user", "jb.admin", "--password", "demo", "--gateway", gateway)).Code);
        var name = "区统计局" + Guid.NewGuid().ToString("N")[..5];
        var (created, createdOut, createdErr) = await RunAsync("units", "create", name, "--alias", name + "甲", "--gateway", gateway);
        Assert.True(created == 0, createdErr);
        Assert.Contains(name, createdOut);

        var (added, addedOut, _) = await RunAsync("units", "alias-add", name + "甲", "--alias", name + "乙", "--gateway", gateway);
        Assert.Equal(0, added);
        Assert.Contains(name + "乙", addedOut);
        var (removed, removedOut, _) = await RunAsync("units", "alias-remove", name, "--alias", name + "甲", "--gateway", gateway);
        Assert.Equal(0, removed);
        Assert.DoesNotContain(name + "甲", removedOut);
        var (absent, _, absentErr) = await RunAsync("units", "alias-remove", name, "--alias", "从未有过的别名", "--gateway", gateway);
        Assert.Equal(1, absent);
        Assert.Contains("is not an alias", absentErr);

        // A second unit merges into it: its name becomes an alias, and the name now means the unit in use.
        var other = name + "分局";
        Assert.Equal(0, (await RunAsync("units", "create", other, "--gateway", gateway)).Code);
        var (mergedCode, mergedOut, mergedErr) = await RunAsync("units", "merge", other, "--into", name, "--gateway", gateway);
        Assert.True(mergedCode == 0, mergedErr);
        Assert.Contains($"已合并 Merged {other} into {name}", mergedOut);
        var (unnamed, _, unnamedErr) = await RunAsync("units", "merge", name, "--gateway", gateway);
        Assert.Equal(1, unnamed);
        Assert.Contains("--into", unnamedErr);
        var (again, _, againErr) = await RunAsync("units", "merge", other, "--into", name, "--gateway", gateway);
        Assert.Equal(1, again);
        Assert.Contains("itself", againErr); // by name, the merged unit now means the one that took it over

        Assert.Equal(0, (await RunAsync("units", "retire", name, "--gateway", gateway)).Code);
        var (listed, listOut, _) = await RunAsync("units", "list", "--json", "--gateway", gateway);
        Assert.Equal(0, listed);
        var unit = JsonDocument.Parse(listOut).RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == name);
        Assert.True(unit.TryGetProperty("retiredAt", out _));
        Assert.Contains(other, unit.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        var (audit, auditOut, _) = await RunAsync("units", "audit", name, "--gateway", gateway);
        Assert.Equal(0, audit);
        foreach (var action in new[] { "created", "alias-added", "alias-removed", "absorbed", "retired" })
        {
            Assert.Contains(action, auditOut);
        }
    }

    [Fact]
    public async Task TheOfficeLoadsItsDirectoryFromAWorkbookPreviewedFirst()
    {
        Assert.Equal(0, (await RunAsync("login", "--user", "jb.admin", "--password", "demo", "--gateway", gateway)).Code);
        var template = Path.Combine(configDir, "模板.xlsx");
        var (saved, _, savedErr) = await RunAsync("directory", "template", "-o", template, "--gateway", gateway);
        Assert.True(saved == 0, savedErr);
        Assert.True(new FileInfo(template).Length > 0);

        var s = Guid.NewGuid().ToString("N")[..5];
        var workbook = Path.Combine(configDir, "江北单位与人员.xlsx");
        await File.WriteAllBytesAsync(workbook, DirectoryWorkbooks.Write(
            [["名称", "别名", "类型", "所属单位组"], ["区信访办" + s, "信访办" + s, "", ""]],
            [["用户名", "姓名", "单位", "角色", "邮箱", "手机"], ["jb.xf" + s, "信访员", "信访办" + s, "unit-reporter", "", "13800002222"]]));
        // The names for it: `units import` previews, `accounts import --apply` writes; the same workbook import.
        var (previewed, previewOut, _) = await RunAsync("units", "import", workbook, "--gateway", gateway);
        Assert.Equal(0, previewed);
        Assert.Contains("1 unit(s) and 1 person(s) to create; 0 row(s) with problems", previewOut);
        Assert.Contains("Nothing was written", previewOut);

        var passwords = Path.Combine(configDir, "初始密码.xlsx");
        var (applied, appliedOut, appliedErr) = await RunAsync("accounts", "import", workbook, "--apply", "-o", passwords, "--gateway", gateway);
        Assert.True(applied == 0, appliedErr);
        Assert.Contains("已导入", appliedOut);
        Assert.True(new FileInfo(passwords).Length > 0);
        var (listed, listOut, _) = await RunAsync("units", "list", "--gateway", gateway);
        Assert.Equal(0, listed);
        Assert.Contains("区信访办" + s, listOut);
    }

    [Fact]
    public async Task APersonListsTheirSessionsAndSignInsAndEndsTheOthersFromTheTerminal()
    {
        Assert.Equal(0, (await RunAsync("login", "--user", "yz.admin", "--password", "demo", "--gateway", gateway)).Code);
        var username = "yz.cli" + Guid.NewGuid().ToString("N")[..5];
        var (created, createdOut, createdErr) = await RunAsync("accounts", "create", username, "--name", "终端会话", "--role", "district-leader", "--json", "--gateway", gateway);
        Assert.True(created == 0, createdErr);
        var initial = JsonDocument.Parse(createdOut).RootElement.GetProperty("initialPassword").GetString()!;
        // Two sign-ins of the person: the first sets their password, the second is this terminal's.
        Assert.Equal(0, (await RunAsync("login", "--user", username, "--password", initial, "--new-password", "terminal-own-1", "--gateway", gateway)).Code);
        Assert.Equal(0, (await RunAsync("login", "--user", username, "--password", "terminal-own-1", "--gateway", gateway)).Code);

        var (listed, listedOut, listedErr) = await RunAsync("sessions", "list", "--json", "--gateway", gateway);
        Assert.True(listed == 0, listedErr);
        var sessions = JsonDocument.Parse(listedOut).RootElement.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, x => x.TryGetProperty("current", out var current) && current.GetBoolean());
        Assert.All(sessions, x => Assert.Equal("platform-cli/1.0", x.GetProperty("userAgent").GetString()));

        var (table, tableOut, _) = await RunAsync("sessions", "list", "--gateway", gateway);
        Assert.Equal(0, table);
        Assert.Contains("本次 current", tableOut, StringComparison.Ordinal);

        var (ended, endedOut, endedErr) = await RunAsync("sessions", "end-others", "--gateway", gateway);
        Assert.True(ended == 0, endedErr);
        Assert.Contains("Ended 1 session", endedOut, StringComparison.Ordinal);
        var (_, afterOut, _) = await RunAsync("sessions", "list", "--json", "--gateway", gateway);
        Assert.Single(JsonDocument.Parse(afterOut).RootElement.GetProperty("sessions").EnumerateArray());

        var (history, historyOut, _) = await RunAsync("sessions", "sign-ins", "--gateway", gateway);
        Assert.Equal(0, history);
        Assert.Equal(2, historyOut.Split('\n').Count(line => line.Contains("succeeded", StringComparison.Ordinal)));

        var (bad, _, badErr) = await RunAsync("sessions", "end", "--gateway", gateway);
        Assert.Equal(1, bad);
        Assert.Contains("name the session", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresExitNonZeroWithOneLine()
    {
        var (noLogin, _, noLoginErr) = await RunAsync("tasks", "--gateway", gateway);
        Assert.Equal(1, noLogin);
        Assert.Contains("platform login", noLoginErr);

        var (wrong, _, wrongErr) = await RunAsync("login", "--user", "jb.admin", "--password", "not-the-password", "--gateway", gateway);
        Assert.Equal(1, wrong);
        Assert.Single(wrongErr.Trim().Split('\n'));
        Assert.Contains("incorrect", wrongErr);
    }

    [Fact]
    public async Task AReporterSubmitsAndTheOfficeReturnsFromTheTerminalAndTheDashboardIsATable()
    {
        using var stack = new Stack();
        var scj = await stack.TokenAsync("yz.scj");
        await stack.WaitForReportingAsync(scj);
        var (_, tasks, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=500", scj);
        var task3 = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetString() == "3").GetProperty("id").GetString();
        string? period = null;
        foreach (var month in Enumerable.Range(7, 6).Select(m => $"2023-{m:D2}"))
        {
            var (_, report, _) = await stack.GetAsync($"/api/v1/reports/{task3}/{month}", scj);
            if (report.GetProperty("status").GetString() is "REPORT_STATUS_UNSPECIFIED" or "REPORT_STATUS_DRAFT")
            {
                period = month;
                break;
            }
        }

        Assert.NotNull(period);
        var (saved, _, _) = await stack.SendAsync(HttpMethod.Put, $"/api/v1/reports/{task3}/{period}", scj,
            System.Net.Http.Json.JsonContent.Create(new { progress = "标准地址库已更新", selfStatus = "SELF_STATUS_AT_RISK" }));
        Assert.Equal(System.Net.HttpStatusCode.OK, saved);

        Assert.Equal(0, (await RunAsync("login", "--user", "yz.scj", "--password", "demo", "--gateway", gateway)).Code);
        var (submit, submitOut, submitErr) = await RunAsync("report", "submit", "3", "--period", period!, "--gateway", gateway);
        Assert.True(submit == 0, submitErr);
        Assert.Contains("submitted", submitOut);

        Assert.Equal(0, (await RunAsync("login", "--user", "yz.admin", "--password", "demo", "--gateway", gateway)).Code);
        var (noComment, _, noCommentErr) = await RunAsync("report", "return", "3", "--period", period!, "--gateway", gateway);
        Assert.Equal(1, noComment);
        Assert.Contains("--comment", noCommentErr);
        var (returned, returnedOut, _) = await RunAsync("report", "return", "3", "--period", period!, "--comment", "请说明风险", "--gateway", gateway);
        Assert.Equal(0, returned);
        Assert.Contains("returned", returnedOut);

        var (dashboard, dashboardOut, dashboardErr) = await RunAsync("dashboard", "--period", "2023-07", "--gateway", gateway);
        Assert.True(dashboard == 0, dashboardErr);
        Assert.Contains("市场准入", dashboardOut);
        Assert.Contains("绿 green", dashboardOut);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("DUBAN_CONFIG_DIR", null);
        if (Directory.Exists(configDir))
        {
            Directory.Delete(configDir, recursive: true);
        }
    }

    [Fact]
    public async Task TheLeaderExportsTheLedgerAndBulletinAndTheMunicipalityComparesDistricts()
    {
        Assert.Equal(0, (await RunAsync("login", "--user", "yz.leader", "--password", "demo", "--gateway", gateway)).Code);
        var ledger = Path.Combine(configDir, "台账.xlsx");
        var (ledgerCode, ledgerOut, ledgerErr) = await RunAsync("export", "ledger", "--period", "2023-07", "-o", ledger, "--gateway", gateway);
        Assert.True(ledgerCode == 0, ledgerErr);
        Assert.Contains("台账 ledger 2023-07", ledgerOut);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(ledger, false))
        {
            Assert.True(workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count() > 90);
        }

        var bulletin = Path.Combine(configDir, "通报.docx");
        Assert.Equal(0, (await RunAsync("export", "bulletin", "--period", "2023-07", "-o", bulletin, "--gateway", gateway)).Code);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(bulletin, false))
        {
            Assert.Contains("渝中区2023年7月重点任务推进情况通报", document.MainDocumentPart!.Document!.Body!.InnerText);
        }

        var (badCode, _, badErr) = await RunAsync("export", "minutes", "--period", "2023-07", "-o", bulletin, "--gateway", gateway);
        Assert.Equal((1, true), (badCode, badErr.Contains("ledger, bulletin, year or assessment", StringComparison.Ordinal)));

        Assert.Equal(0, (await RunAsync("login", "--user", "cq.viewer", "--password", "demo", "--gateway", gateway)).Code);
        var (viewCode, viewOut, viewErr) = await RunAsync("dashboard", "--municipal", "--period", "2023-07", "--gateway", gateway);
        Assert.True(viewCode == 0, viewErr);
        Assert.Contains("渝中区", viewOut);
        Assert.Contains("江北区", viewOut);
        Assert.Contains("按时报送率", viewOut);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PlatformCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
