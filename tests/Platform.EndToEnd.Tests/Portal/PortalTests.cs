using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests.Portal;

/// <summary>
/// The portal in a real browser against the running stack, as each persona works: the office imports and publishes
/// a list through the wizard; a month's report goes from the lead unit to the office and back until accepted, and the
/// leader sees its light change and downloads the bulletin; the municipality compares districts read-only; another
/// district's office cannot open 渝中's task by its address. Each test leaves a screenshot of its last page.
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed class PortalTests(Stack stack, PortalBrowser browser) : IClassFixture<Stack>, IClassFixture<PortalBrowser>
{
    private static readonly Uri Clock = new(StackEndpoints.Hosts["reporting"], "/_clock");

    [Fact]
    public async Task TheOfficeImportsADocumentMapsItsUnknownUnitAndPublishesThroughTheWizard()
    {
        // A 2032 list naming one unit the directory has never heard of (new on every run).
        var unknown = $"区营商专班{DateTime.UtcNow.Ticks % 1_000_000:D6}办公室";
        var file = Path.Combine(Path.GetTempPath(), $"yuzhong-2032-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, Document2032(unknown), Encoding.UTF8);
        var page = await browser.SignInAsync("yz.admin");
        try
        {
            await page.GotoAsync("/office/lists");
            await page.GetByLabel("年度").FillAsync("2032");
            await page.SetInputFilesAsync("#document", file);
            await page.GetByRole(AriaRole.Button, new() { Name = "上传并识别" }).ClickAsync();
            // The upload answers once the document is parsed: on a loaded machine that takes longer than Playwright's
            // 30 s default, so the wait is the import's own bound (the gateway's Long timeout, 2 minutes).
            await page.WaitForURLAsync(
                new Regex("/office/lists/[0-9a-f-]{36}$"),
                new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
            await Expect(page.Locator(".flash")).ToContainTextAsync("3 项任务");
            await Expect(page.Locator("#parse-counts")).ToContainTextAsync("2类别");
            await Expect(page.Locator("#unresolved-count")).ToHaveTextAsync("1");
            await Expect(page.Locator("#draft-tasks tr[data-number='2']")).ToContainTextAsync(unknown + "（未对应）");

            // Map the printed name to 区税务局 (it becomes that unit's alias). Not 区市场监管局: the notification tests count
            // that unit's assignments.
            var row = page.Locator($"#unresolved tr[data-printed='{unknown}']");
            await row.GetByLabel("单位").SelectOptionAsync(new SelectOptionValue { Label = "区税务局" });
            await row.GetByRole(AriaRole.Button, new() { Name = "对应" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync($"已将“{unknown}”对应到所选单位");
            await Expect(page.Locator("#unresolved-count")).ToHaveTextAsync("0");
            await Expect(page.Locator("#draft-tasks tr[data-number='2']")).ToContainTextAsync("区税务局");
            await Expect(page.Locator("#diff-summary")).ToBeVisibleAsync();

            // Correct a task before publishing: its text and deadline.
            await page.GetByRole(AriaRole.Link, new() { Name = "修改任务 3" }).ClickAsync();
            await page.GetByLabel("任务内容").FillAsync("纳税人办税缴费时间压减至60小时以内。");
            await page.GetByLabel("完成日期").FillAsync("2032-10-31");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("已修改任务 3");
            await Expect(page.Locator("#draft-tasks tr[data-number='3']")).ToContainTextAsync("60小时以内");

            await page.GetByRole(AriaRole.Button, new() { Name = "发布清单" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("已发布第");
            await Expect(page.Locator("#list-status")).ToContainTextAsync("已发布");
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(page, "office-import-wizard-published");
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AMonthsReportGoesFromTheLeadUnitToTheOfficeAndBackUntilAcceptedAndTheLeaderSeesItsLight()
    {
        var admin = await stack.TokenAsync("yz.admin");
        await stack.WaitForReportingAsync(admin);
        var original = (await stack.Http.GetFromJsonAsync<JsonElement>(Clock)).GetProperty("now").GetString()!;
        var leader = await browser.SignInAsync("yz.leader");
        var scj = await browser.SignInAsync("yz.scj");
        var office = await browser.SignInAsync("yz.admin");
        try
        {
            // A week after July's due date, past the grace: 区市场监管局's July reports not yet written are red.
            await SetClockAsync("2023-08-08T10:00:00+08:00");
            var (taskId, number) = await OpenReportOfTheMarketRegulatorAsync(admin);

            var redBefore = await TheLeaderSeesTheTaskRedAsync(leader, number);
            await TheReporterSignsForTheTaskAndSubmitsItsReportAsync(scj, number);
            await TheOfficeReturnsTheReportAndTheReporterIsToldWithoutAReloadAsync(office, scj, number);
            await TheReporterFindsTheReturnedReportFirstAndSubmitsAgainAsync(scj, number);
            await APhotoIsKeptAsEvidenceAndAProgramIsRefusedAsync(scj);
            await TheOfficeAcceptsTheReportAsync(office, taskId);
            await TheLeaderSeesOneRedFewerAndDownloadsTheBulletinAsync(leader, number, redBefore);
        }
        finally
        {
            await SetClockAsync(original);
            await PortalBrowser.ScreenshotAsync(scj, "reporter-resubmitted");
            await PortalBrowser.ScreenshotAsync(office, "office-accepted");
            await PortalBrowser.ScreenshotAsync(leader, "leader-dashboard-after");
        }
    }

    /// <summary>The leader's July dashboard lists the task as lagging with a red light; the red count before.</summary>
    private static async Task<int> TheLeaderSeesTheTaskRedAsync(IPage leader, string number)
    {
        await leader.GotoAsync("/dashboard?period=2023-07&size=200");
        var redBefore = int.Parse(await leader.Locator("#total-red").InnerTextAsync(), CultureInfo.InvariantCulture);
        await Expect(leader.Locator($"#lagging tr[data-number='{number}']")).ToContainTextAsync("红灯");
        return redBefore;
    }

    /// <summary>The reporter signs for the task (unless an earlier run did) and writes the month's report.</summary>
    private static async Task TheReporterSignsForTheTaskAndSubmitsItsReportAsync(IPage scj, string number)
    {
        await scj.GotoAsync("/my?period=2023-07&size=200");
        var mine = scj.Locator($"#my-tasks tr[data-number='{number}']");
        await Expect(mine).ToContainTextAsync("未填报");
        var sign = mine.GetByRole(AriaRole.Button, new() { Name = $"签收任务 {number}" });
        if (await sign.CountAsync() > 0)
        {
            await sign.ClickAsync();
            await Expect(scj.Locator(".flash")).ToContainTextAsync("已签收任务");
        }

        var row = scj.Locator($"#my-tasks tr[data-number='{number}']");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"签收任务 {number}" })).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Link, new() { Name = "填报" }).ClickAsync();
        await scj.GetByLabel("工作进展情况（必填）").FillAsync("已完成企业开办专区建设，7月办理 126 件。");
        await scj.GetByLabel("存在的问题").FillAsync("部门数据共享接口尚未全部打通。");
        await scj.GetByLabel("自评状态（必填）").SelectOptionAsync("1");
        await scj.GetByRole(AriaRole.Button, new() { Name = "提交月报" }).ClickAsync();
        await Expect(scj.Locator(".flash")).ToContainTextAsync("月报已提交");
        await Expect(scj.Locator("#report-status")).ToHaveTextAsync("已提交待审核");
    }

    /// <summary>
    /// The office returns the report with a comment; the reporter's unread count rises without a reload (the notice
    /// travels through the broker to the notification service, which pushes it on the inbox watch).
    /// </summary>
    private static async Task TheOfficeReturnsTheReportAndTheReporterIsToldWithoutAReloadAsync(
        IPage office, IPage scj, string number)
    {
        await Expect(scj.Locator("#unread")).ToHaveAttributeAsync("data-count", new Regex("^[0-9]+$"));
        var unreadBefore = int.Parse(
            (await scj.Locator("#unread").GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);

        await office.GotoAsync("/office/reviews?period=2023-07&size=200");
        await office.Locator($"#reviews tr[data-number='{number}']").GetByRole(AriaRole.Link, new() { Name = "审核" })
            .ClickAsync();
        await office.GetByLabel("退回意见（必填）").FillAsync("请补充办件数据来源。");
        await office.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(office.Locator(".flash")).ToContainTextAsync("已退回");
        await Expect(scj.Locator("#unread")).ToHaveAttributeAsync(
            "data-count", (unreadBefore + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
    }

    /// <summary>Returned reports come first in the reporter's list; it answers and submits again.</summary>
    private static async Task TheReporterFindsTheReturnedReportFirstAndSubmitsAgainAsync(IPage scj, string number)
    {
        await scj.GotoAsync("/my?period=2023-07");
        await Expect(scj.Locator("#count-returned")).Not.ToHaveTextAsync("0");
        // (Another test on the same stack may have returned one of this unit's reports too: the first rows are the
        // returned ones, this among them.)
        await Expect(scj.Locator("#my-tasks tbody tr").First).ToContainTextAsync("已退回");
        var returned = scj.Locator($"#my-tasks tbody tr[data-number='{number}']");
        await Expect(returned).ToContainTextAsync("已退回：请补充办件数据来源。");
        var rows = await scj.Locator("#my-tasks tbody tr").AllAsync();
        var position = 0;
        while ((await rows[position].GetAttributeAsync("data-number")) != number)
        {
            await Expect(rows[position]).ToContainTextAsync("已退回");
            position++;
        }

        await returned.GetByRole(AriaRole.Link, new() { Name = "填报" }).ClickAsync();
        await Expect(scj.Locator("#return-comment")).ToHaveTextAsync("请补充办件数据来源。");
        await scj.GetByLabel("工作进展情况（必填）").FillAsync("已完成企业开办专区建设，7月办理 126 件（数据来源：市场主体登记系统）。");
        await scj.GetByRole(AriaRole.Button, new() { Name = "提交月报" }).ClickAsync();
        await Expect(scj.Locator("#report-status")).ToHaveTextAsync("已提交待审核");
    }

    /// <summary>
    /// Evidence: a photo is kept with the month's report; a program is refused, with the service's reason shown.
    /// </summary>
    private static async Task APhotoIsKeptAsEvidenceAndAProgramIsRefusedAsync(IPage scj)
    {
        var files = EvidenceFiles.Create();
        try
        {
            await scj.SetInputFilesAsync("#file", files.Photo);
            await scj.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
            await Expect(scj.Locator(".flash")).ToContainTextAsync("已上传佐证材料 窗口现场照片.png");
            await Expect(scj.Locator("#evidence")).ToContainTextAsync("窗口现场照片.png");
            await scj.SetInputFilesAsync("#file", files.Program);
            await scj.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
            await Expect(scj.Locator("#error")).ToContainTextAsync("'.exe' files are not accepted");
            await Expect(scj.Locator("#evidence")).Not.ToContainTextAsync("setup.exe");
        }
        finally
        {
            Directory.Delete(files.Folder, recursive: true);
        }
    }

    private static async Task TheOfficeAcceptsTheReportAsync(IPage office, string taskId)
    {
        await office.GotoAsync($"/reports/{taskId}/2023-07");
        await Expect(office.Locator("#report-progress")).ToContainTextAsync("市场主体登记系统");
        await office.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Expect(office.Locator("#report-status")).ToHaveTextAsync("已通过");
    }

    /// <summary>
    /// The leader's dashboard: one red light fewer, the task no longer lagging; the month's bulletin downloads.
    /// </summary>
    private static async Task TheLeaderSeesOneRedFewerAndDownloadsTheBulletinAsync(
        IPage leader, string number, int redBefore)
    {
        await leader.ReloadAsync();
        await Expect(leader.Locator("#total-red"))
            .ToHaveTextAsync((redBefore - 1).ToString(CultureInfo.InvariantCulture));
        await Expect(leader.Locator($"#lagging tr[data-number='{number}']")).ToHaveCountAsync(0);
        var download = await leader.RunAndWaitForDownloadAsync(
            () => leader.GetByRole(AriaRole.Link, new() { Name = "下载通报（.docx）" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(PortalBrowser.Artifacts, "bulletin-2023-07.docx");
        await download.SaveAsAsync(saved);
        var head = new byte[2];
        await using (var stream = File.OpenRead(saved))
        {
            Assert.Equal(2, await stream.ReadAsync(head));
        }

        Assert.Equal("PK"u8.ToArray(), head);
    }

    [Fact]
    public async Task TheMunicipalViewerSeesBothDistrictsSideBySideAndCannotEdit()
    {
        var page = await browser.SignInAsync("cq.viewer");
        try
        {
            await Expect(page).ToHaveURLAsync(new Regex("/municipal$"));
            await page.GotoAsync("/municipal?period=2023-07");
            await Expect(page.Locator("#districts tr[data-tenant='500103']")).ToContainTextAsync("渝中区");
            await Expect(page.Locator("#districts tr[data-tenant='500105']")).ToContainTextAsync("江北区");
            await Expect(page.Locator("#heatmap thead")).ToContainTextAsync("渝中区");
            await Expect(page.Locator("#heatmap thead")).ToContainTextAsync("江北区");
            await Expect(page.Locator("#heatmap tbody tr").First).ToBeVisibleAsync();

            // The office's pages are not for the municipality, and nothing on a district's page can be changed.
            var refused = await page.GotoAsync("/office/lists");
            Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
            await Expect(page.Locator("#error")).ToBeVisibleAsync();

            await page.GotoAsync("/municipal?period=2023-07");
            await page.Locator("#districts tr[data-tenant='500103']").GetByRole(AriaRole.Link, new() { Name = "渝中区" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("只读");
            await Expect(page.Locator("#totals")).ToBeVisibleAsync();
            await Expect(page.Locator("main form[method='post']")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "下载台账（.xlsx）" })).ToHaveCountAsync(0);

            // The district's task list, read-only: lights and report states, no way into a task.
            await page.GetByRole(AriaRole.Link, new() { Name = "该区县任务清单" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("500103 任务清单（只读）");
            await Expect(page.Locator("#tasks tbody tr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#tasks tbody a")).ToHaveCountAsync(0);
            await Expect(page.Locator("main form[method='post']")).ToHaveCountAsync(0);
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(page, "municipal-drill-down");
        }
    }

    [Fact]
    public async Task AnotherDistrictsOfficeCannotOpenAYuzhongTaskByItsAddress()
    {
        var yz = await stack.TokenAsync("yz.admin");
        var (_, tasks, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=1", yz);
        var taskId = tasks.GetProperty("tasks")[0].GetProperty("id").GetString()!;
        var page = await browser.SignInAsync("jb.admin");
        try
        {
            var task = await page.GotoAsync($"/tasks/{taskId}");
            Assert.Equal((int)HttpStatusCode.NotFound, task!.Status);
            await Expect(page.Locator("#error")).ToContainTextAsync("未找到");
            var report = await page.GotoAsync($"/reports/{taskId}/2023-07");
            Assert.Equal((int)HttpStatusCode.NotFound, report!.Status);
            await Expect(page.Locator("body")).Not.ToContainTextAsync("工作进展情况");

            // Signing out ends the session: the next page asks for the sign-in again.
            await page.GotoAsync("/tasks");
            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/login"), new() { WaitUntil = WaitUntilState.Commit });
            await page.GotoAsync("/tasks");
            await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl="));
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(page, "other-district-refused");
        }
    }

    [Fact]
    public async Task AReporterWorksAtAPhonesWidthWithTheKeyboardOnly()
    {
        var page = await browser.OpenAsync(390, 844);
        try
        {
            await page.GotoAsync("/login");
            await Expect(page.GetByLabel("用户名")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("yz.scj");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(Stack.DemoPassword);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new Regex("/my$"), new() { WaitUntil = WaitUntilState.Commit });
            await Expect(page.Locator("#my-tasks tbody tr").First).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "the page is wider than a phone's screen");

            // Every form control on the page has a label.
            var unlabelled = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]" +
                ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length");
            Assert.Equal(0, unlabelled);
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(page, "reporter-phone-width");
        }
    }

    [Fact]
    public async Task AResponsibleUnitWritesItsPartOnceAndTheOfficeSeesItInTheLeadUnitsReport()
    {
        var contributor = await browser.SignInAsync("yz.jxw");
        var office = await browser.SignInAsync("yz.admin");
        try
        {
            await Expect(contributor).ToHaveURLAsync(new Regex("/contributions$"));
            var part = $"区经济信息委配合完成数据对接（{DateTime.UtcNow.Ticks % 100000}）。";
            var first = contributor.Locator("section[data-number]").First;
            var number = await first.GetAttributeAsync("data-number");
            var taskLink = await first.GetByRole(AriaRole.Link, new() { Name = number! }).GetAttributeAsync("href");
            await first.GetByRole(AriaRole.Textbox).FillAsync(part);
            await first.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(contributor.Locator(".flash")).ToContainTextAsync("已保存本单位报送内容");
            await Expect(contributor.Locator($"section[data-number='{number}']")).ToContainTextAsync("已报送");

            var period = await contributor.Locator("#period").InputValueAsync();
            await office.GotoAsync($"/reports/{taskLink!.Split('/')[^1]}/{period}");
            await Expect(office.Locator("main")).ToContainTextAsync(part);
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(contributor, "contributor-saved");
            await PortalBrowser.ScreenshotAsync(office, "office-sees-contribution");
        }
    }

    [Fact]
    public async Task ALeadUnitAsksForMoreTimeAndTheOfficeGrantsAShorterExtension()
    {
        var token = await stack.TokenAsync("yz.scj");
        var unit = UnitOf(token);
        var (_, tasks, _) = await stack.GetAsync($"/api/v1/tasks?year=2023&unitId={unit}&pageSize=500", token);
        var (_, requests, _) = await stack.GetAsync("/api/v1/task-requests", await stack.TokenAsync("yz.admin"));
        var asked = requests.TryGetProperty("requests", out var all) ? all.EnumerateArray().Select(r => r.GetProperty("taskId").GetString()).ToHashSet() : [];
        var task = tasks.GetProperty("tasks").EnumerateArray()
            .Where(t => t.GetProperty("leadUnits").EnumerateArray().Any(u => u.GetProperty("unitId").GetString() == unit))
            .Where(t => t.GetProperty("number").GetString() is not ("2" or "3") && !asked.Contains(t.GetProperty("id").GetString()))
            .First();
        var (id, number) = (task.GetProperty("id").GetString()!, task.GetProperty("number").GetString()!);
        var reporter = await browser.SignInAsync("yz.scj");
        var office = await browser.SignInAsync("yz.admin");
        try
        {
            await reporter.GotoAsync($"/tasks/{id}");
            await reporter.GetByLabel("申请延至").FillAsync("2024-03-31");
            await reporter.GetByLabel("理由", new() { Exact = true }).FillAsync("市级系统改造延期，需同步调整。");
            await reporter.GetByRole(AriaRole.Button, new() { Name = "提交延期申请" }).ClickAsync();
            await Expect(reporter.Locator(".flash")).ToContainTextAsync("延期申请已提交");

            await office.GotoAsync("/office/requests?kind=extension");
            // By the task's number exactly: a text match on "任务 5" would also find 任务 56's request.
            var request = office.Locator($"section[data-request][data-task='{number}']").Filter(new() { HasText = "待审批" });
            await Expect(request).ToContainTextAsync("市级系统改造延期");
            await request.GetByLabel("批准延至（留空即按申请）").FillAsync("2024-02-29");
            await request.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已同意");

            await reporter.ReloadAsync();
            await Expect(reporter.Locator("main table").Filter(new() { HasText = "延期" })).ToContainTextAsync("已同意");
            await Expect(reporter.Locator("main")).ToContainTextAsync("2024-02-29");
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(reporter, "reporter-extension-granted");
            await PortalBrowser.ScreenshotAsync(office, "office-requests");
        }
    }

    [Fact]
    public async Task TheOfficeAddsAPersonWhoSetsTheirOwnPasswordAndLosesAccessWhenDisabled()
    {
        var username = "yz.new" + Guid.NewGuid().ToString("N")[..5];
        var office = await browser.SignInAsync("yz.admin");
        var person = await browser.OpenAsync();
        try
        {
            await office.GotoAsync("/office/people");
            await office.GetByLabel("用户名").FillAsync(username);
            await office.GetByLabel("姓名").FillAsync("新同事");
            await office.GetByLabel("单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区市场监管局" });
            await office.GetByLabel("牵头单位填报人").CheckAsync();
            await office.GetByLabel("手机").FillAsync("13900001111");
            await office.GetByRole(AriaRole.Button, new() { Name = "添加（生成一次性初始密码）" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已添加 新同事");
            var initial = await office.Locator("#handover code").InnerTextAsync();
            Assert.Equal(12, initial.Length);
            await office.ReloadAsync();
            await Expect(office.Locator("#handover")).ToHaveCountAsync(0); // shown once

            // The person signs in with the office's password and must choose their own first.
            await person.GotoAsync("/login");
            await person.GetByLabel("用户名").FillAsync(username);
            await person.GetByLabel("密码").FillAsync(initial);
            await person.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(person.Locator(".notice")).ToContainTextAsync("请先设置您自己的密码");
            await person.GetByLabel("新密码（至少 4 个字符）").FillAsync("my-own-password");
            await person.GetByLabel("再次输入新密码").FillAsync("my-own-password");
            await person.GetByRole(AriaRole.Button, new() { Name = "设置密码并登录" }).ClickAsync();
            await PortalBrowser.SignedInAsync(person);
            await Expect(person.Locator("#whoami")).ToHaveTextAsync(username);

            // Disabled by the office: the person's next page, within the minute the hosts take to hear of it, is the sign-in.
            var row = office.Locator($"#people tr[data-username='{username}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已停用");
            await Expect(office.Locator("#audit")).ToContainTextAsync("停用");
            await SignedOutWithinAMinuteAsync(person, "/tasks", "the disabled person still used the portal after a minute");
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(office, "office-people");
            await PortalBrowser.ScreenshotAsync(person, "disabled-person");
        }
    }

    [Fact]
    public async Task APersonEndsASessionThatIsNotTheirsAndItsTokenStopsAtEveryHostWithinAMinute()
    {
        var office = await stack.TokenAsync("yz.admin");
        var username = "yz.sess" + Guid.NewGuid().ToString("N")[..5];
        const string password = "sessions-of-my-own";
        var (created, account, _) = await stack.PostJsonAsync("/api/v1/accounts", office, new { username, displayName = "会话测试", roles = new[] { "district-leader" } });
        Assert.Equal(HttpStatusCode.OK, created);
        // A session the person does not recognise: a sign-in with the command-line client elsewhere.
        var elsewhere = await stack.TokenResponseAsync(new()
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = account.GetProperty("initialPassword").GetString()!,
            ["new_password"] = password, ["client_id"] = "platform-cli",
        });
        var stolen = elsewhere.GetProperty("access_token").GetString();
        Assert.Equal(HttpStatusCode.OK, (await stack.GetAsync("/api/v1/tasks?year=2023", stolen)).Status);

        var page = await browser.OpenAsync();
        try
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("用户名").FillAsync(username);
            await page.GetByLabel("密码").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await PortalBrowser.SignedInAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "登录记录" }).ClickAsync();
            await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#sessions tbody tr:has-text('本次登录')")).ToContainTextAsync("Chrome 浏览器");
            await Expect(page.Locator("#sessions tbody tr:not(:has-text('本次登录'))").GetByRole(AriaRole.Button, new() { Name = "结束" })).ToBeVisibleAsync();
            await Expect(page.Locator("#sign-ins tbody tr:has-text('登录成功')")).ToHaveCountAsync(2);
            await Expect(page.Locator("#sign-ins tbody tr:has-text('需先设置新密码')")).ToHaveCountAsync(0);
            await PortalBrowser.ScreenshotAsync(page, "sessions-before");

            await page.GetByRole(AriaRole.Button, new() { Name = "结束其他所有会话" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync("已结束其他 1 个会话");
            await Expect(page.Locator("#sessions tbody tr")).ToHaveCountAsync(1);

            // Every host refuses the ended session's token within the minute (units, tasks and reporting behind the gateway).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            foreach (var path in new[] { "/api/v1/units", "/api/v1/tasks?year=2023", "/api/v1/periods?year=2023" })
            {
                while ((await stack.GetAsync(path, stolen)).Status != HttpStatusCode.Unauthorized)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"{path} still answers the ended session's token after a minute");
                    await Task.Delay(1000);
                }
            }

            // The person's own session goes on.
            await page.GotoAsync("/tasks");
            Assert.DoesNotContain("/login", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(page, "sessions-after");
        }
    }

    /// <summary>
    /// A new district runs itself, step by step as in issue 14: the platform opens 南岸区 (500108) under 重庆市 with its
    /// first admin; the admin sets a password, loads the units and people from a workbook (a bad row shown first, then
    /// fixed), imports and publishes a task list; the reporter sets a password and finds the 交办 and the tasks; the admin
    /// disables the reporter, who is signed out and cannot sign in again, and adds a new reporter, who sees the open
    /// tasks; 重庆市's viewer finds the district in the comparison. Each step leaves a screenshot.
    /// </summary>
    [Fact]
    public async Task ANewDistrictIsOpenedLoadsItsPeoplePublishesItsListAndHandsAReportersWorkOver()
    {
        var (_, tenants, _) = await stack.GetAsync("/api/v1/tenants", await stack.TokenAsync("platform.admin"));
        var taken = tenants.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToHashSet();
        // 南岸区 on a fresh stack; another 重庆 district when this stack has run the test before.
        var code = new[] { "500108", "500151", "500152", "500153", "500154", "500155", "500156" }.First(c => !taken.Contains(c));
        var s = Guid.NewGuid().ToString("N")[..4];
        var admin = $"d{code}.admin{s}";
        var reporter = $"d{code}.scj{s}";
        var successor = $"d{code}.scj2{s}";
        var folder = Directory.CreateTempSubdirectory("duban-onboarding-");
        var platform = await browser.SignInAsync("platform.admin");
        IPage? office = null, first = null, second = null, viewer = null;
        try
        {
            // 1. The platform opens the district with its first admin.
            await platform.GetByLabel("行政区划代码").FillAsync(code);
            await platform.GetByLabel("上级（已开通的市或省）").FillAsync("500000");
            await platform.GetByLabel("首位管理员用户名").FillAsync(admin);
            await platform.GetByRole(AriaRole.Button, new() { Name = "开通" }).ClickAsync();
            await Expect(platform.Locator(".flash")).ToContainTextAsync($"（{code}）");
            var adminPassword = await platform.Locator("#handover code").InnerTextAsync();
            await PortalBrowser.ScreenshotAsync(platform, "onboarding-1-opened");

            // 2. The admin signs in with the handed-over password and must choose their own.
            office = await browser.OpenAsync();
            await SignInFirstTimeAsync(office, admin, adminPassword, "office-own-password");

            // 3. Units and people from a workbook: a person in a unit that does not exist is shown, nothing is written.
            string[][] units =
            [
                ["名称", "别名", "类型", "所属单位组"], ["区发展改革委", "区发改委", "", ""], ["区市场监管局", "", "", ""], ["区财政局", "", "", ""],
            ];
            var flawed = Path.Combine(folder.FullName, "南岸区单位与人员.xlsx");
            await File.WriteAllBytesAsync(flawed, DirectoryWorkbooks.Write(units,
                [["用户名", "姓名", "单位", "角色", "邮箱", "手机"], [reporter, "市场监管填报员", "区市场监督管理局", "牵头单位填报人", "", "13900002222"]]));
            await office.GotoAsync("/office/units");
            await office.SetInputFilesAsync("#workbook", flawed);
            await office.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
            await Expect(office.Locator("#import-summary")).ToContainTextAsync("1 行有问题");
            await Expect(office.Locator("#import-rows")).ToContainTextAsync("区市场监督管理局");
            await Expect(office.GetByRole(AriaRole.Button, new() { Name = "确认导入" })).ToHaveCountAsync(0);
            await PortalBrowser.ScreenshotAsync(office, "onboarding-2-workbook-problem");
            var fixedBook = Path.Combine(folder.FullName, "南岸区单位与人员（改）.xlsx");
            await File.WriteAllBytesAsync(fixedBook, DirectoryWorkbooks.Write(units,
                [["用户名", "姓名", "单位", "角色", "邮箱", "手机"], [reporter, "市场监管填报员", "区市场监管局", "牵头单位填报人", "", "13900002222"]]));
            await office.SetInputFilesAsync("#workbook", fixedBook);
            await office.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
            await Expect(office.Locator("#import-summary")).ToContainTextAsync("没有问题");
            await office.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
            await Expect(office.Locator("#imported")).ToContainTextAsync("新建 3 个单位、1 名人员");
            var reporterPassword = await office.Locator("#initial-passwords code").InnerTextAsync();
            await PortalBrowser.ScreenshotAsync(office, "onboarding-3-workbook-imported");

            // 4. The district's list: imported, every unit found in the directory just loaded, published.
            var document = Path.Combine(folder.FullName, "南岸区2023年重点任务.txt");
            await File.WriteAllTextAsync(document, NewDistrictDocument, Encoding.UTF8);
            await office.GotoAsync("/office/lists");
            await office.GetByLabel("年度").FillAsync("2023");
            await office.SetInputFilesAsync("#document", document);
            await office.GetByRole(AriaRole.Button, new() { Name = "上传并识别" }).ClickAsync();
            await office.WaitForURLAsync(new Regex("/office/lists/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.Commit });
            await Expect(office.Locator(".flash")).ToContainTextAsync("3 项任务");
            await Expect(office.Locator("#unresolved-count")).ToHaveTextAsync("0");
            await office.GetByRole(AriaRole.Button, new() { Name = "发布清单" }).ClickAsync();
            await Expect(office.Locator("#list-status")).ToContainTextAsync("已发布");
            await PortalBrowser.ScreenshotAsync(office, "onboarding-4-list-published");

            // 5. The reporter sets a password and finds the 交办 and the unit's tasks.
            first = await browser.OpenAsync();
            await SignInFirstTimeAsync(first, reporter, reporterPassword, "reporter-own-password");
            await EventuallyOnPageAsync(first, "/inbox", "#inbox", "交办");
            await first.GotoAsync("/tasks");
            await Expect(first.Locator("#tasks")).ToContainTextAsync("市场主体登记");
            await PortalBrowser.ScreenshotAsync(first, "onboarding-5-reporter-tasks");

            // 6. The admin disables the reporter: signed out within the minute, and the password no longer opens anything.
            await office.GotoAsync("/office/people");
            await office.Locator($"#people tr[data-username='{reporter}']").GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已停用");
            await SignedOutWithinAMinuteAsync(first, "/tasks", "the disabled reporter still used the portal after a minute");
            await first.GetByLabel("用户名").FillAsync(reporter);
            await first.GetByLabel("密码").FillAsync("reporter-own-password");
            await first.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(first.Locator("#error")).ToContainTextAsync("用户名或密码不正确");
            Assert.Contains("/login", first.Url, StringComparison.Ordinal);
            await PortalBrowser.ScreenshotAsync(first, "onboarding-6-disabled-reporter");

            // 7. A new reporter for the unit sees every open task of it.
            await office.GetByLabel("用户名").FillAsync(successor);
            await office.GetByLabel("姓名").FillAsync("接任填报员");
            await office.GetByLabel("单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "区市场监管局" });
            await office.GetByLabel("牵头单位填报人").CheckAsync();
            await office.GetByRole(AriaRole.Button, new() { Name = "添加（生成一次性初始密码）" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已添加 接任填报员");
            var successorPassword = await office.Locator("#handover code").InnerTextAsync();
            second = await browser.OpenAsync();
            await SignInFirstTimeAsync(second, successor, successorPassword, "successor-own-password");
            await second.GotoAsync("/tasks");
            await Expect(second.Locator("#tasks")).ToContainTextAsync("市场主体登记");
            await PortalBrowser.ScreenshotAsync(second, "onboarding-7-successor-tasks");

            // 8. The successor hands in July's report of task 1. Then 区市场监管局 is merged into 区财政局 (机构改革): the
            //    successor's session, which named the old unit, ends; signed in again they find the task under the unit
            //    that took over with the report handed in, and the old name is an alias of the new unit.
            await EventuallyOnPageAsync(second, "/my?period=2023-07", "#my-tasks", "市场主体登记");
            await second.Locator("#my-tasks tr[data-number='1']").GetByRole(AriaRole.Link, new() { Name = "填报" }).ClickAsync();
            await second.GetByLabel("工作进展情况（必填）").FillAsync("登记全程电子化已覆盖全部窗口。");
            await second.GetByLabel("自评状态（必填）").SelectOptionAsync("1");
            await second.GetByRole(AriaRole.Button, new() { Name = "提交月报" }).ClickAsync();
            await Expect(second.Locator(".flash")).ToContainTextAsync("月报已提交");
            await office.GotoAsync("/office/units");
            await office.Locator("#units tr[data-unit='区市场监管局']").GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
            await office.GetByLabel("并入").SelectOptionAsync(new SelectOptionValue { Label = "区财政局" });
            await office.GetByRole(AriaRole.Button, new() { Name = "合并到该单位" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已将 区市场监管局 并入 区财政局");
            await Expect(office.Locator(".flash")).ToContainTextAsync("2 项任务、2 名人员");
            await Expect(office.Locator("#merged-into")).ToContainTextAsync("区财政局");
            await Expect(office.Locator("#units tr[data-unit='区财政局']")).ToContainTextAsync("区市场监管局");
            await PortalBrowser.ScreenshotAsync(office, "onboarding-8-units-merged");
            await SignedOutWithinAMinuteAsync(second, "/tasks", "the merged unit's reporter still used the portal after a minute");
            await second.GetByLabel("用户名").FillAsync(successor);
            await second.GetByLabel("密码").FillAsync("successor-own-password");
            await second.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await PortalBrowser.SignedInAsync(second);
            await EventuallyOnPageAsync(second, "/my?period=2023-07", "#my-tasks", "已提交");
            await Expect(second.Locator("#my-tasks tr[data-number='1']")).ToContainTextAsync("已提交");
            await Expect(second.Locator("#my-tasks tr[data-number='2']")).ToBeVisibleAsync();
            await PortalBrowser.ScreenshotAsync(second, "onboarding-9-merged-unit-reporter");

            // 9. 重庆市's viewer finds the new district in the comparison.
            viewer = await browser.SignInAsync("cq.viewer");
            await viewer.GotoAsync("/municipal?period=2023-07");
            await Expect(viewer.Locator($"#districts tr[data-tenant='{code}']")).ToBeVisibleAsync();
            await PortalBrowser.ScreenshotAsync(viewer, "onboarding-10-municipal");
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(platform, "onboarding-platform");
            folder.Delete(recursive: true);
        }
    }

    private static async Task SignInFirstTimeAsync(IPage page, string username, string initial, string chosen)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(initial);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("请先设置您自己的密码");
        await page.GetByLabel("新密码（至少 4 个字符）").FillAsync(chosen);
        await page.GetByLabel("再次输入新密码").FillAsync(chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "设置密码并登录" }).ClickAsync();
        await PortalBrowser.SignedInAsync(page);
        await Expect(page.Locator("#whoami")).ToHaveTextAsync(username);
    }

    /// <summary>Opens the page every second until the portal sends the person to the sign-in (the hosts hear of a revocation within the minute).</summary>
    private static async Task SignedOutWithinAMinuteAsync(IPage page, string path, string never)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            Assert.True(DateTime.UtcNow < deadline, never);
            await Task.Delay(1000);
            await page.GotoAsync(path);
        }
        while (!page.Url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Reloads a page until an element of it shows the text (what the broker brings, within a minute).</summary>
    private static async Task EventuallyOnPageAsync(IPage page, string path, string selector, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await page.GotoAsync(path);
            if ((await page.Locator(selector).InnerTextAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not show “{text}” within a minute");
            await Task.Delay(1000);
        }
    }

    private const string NewDistrictDocument = """
        南岸府办发〔2023〕3号
        重庆市南岸区人民政府办公室
        关于印发《南岸区2023年优化营商环境重点任务》的通知
        各街道办事处，区政府各部门，有关单位：
        经区政府同意，现将《南岸区2023年优化营商环境重点任务》印发给你们，请认真组织实施。
        重庆市南岸区人民政府办公室
        2023年2月20日
        一、市场准入
        1.推行市场主体登记全程电子化，年底前网上办理率达95%以上。（牵头单位：区市场监管局；责任单位：区发改委）
        2.企业开办全流程办理时限压减至1个工作日。（牵头单位：区市场监管局；责任单位：区财政局）
        二、项目审批
        3.政府投资项目审批时间压减至60个工作日以内。（牵头单位：区发展改革委；责任单位：区财政局）
        """;

    [Fact]
    public async Task TheOfficeManagesItsUnitsAndAUnitWithTasksInTheListInForceCannotRetire()
    {
        var name = "区测试局" + Guid.NewGuid().ToString("N")[..5];
        var office = await browser.SignInAsync("yz.admin");
        try
        {
            // A new unit with an alias; the alias removed again, then the unit retired (it has no task) and reinstated.
            await office.GotoAsync("/office/units");
            await office.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
            await office.GetByLabel("别名（用顿号分隔，可不填）").FillAsync(name + "简称");
            await office.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已添加单位 " + name);
            await office.Locator($"#units tr[data-unit='{name}']").GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
            await Expect(office.Locator("#open-count")).ToContainTextAsync("仍有 0 项任务");
            await office.Locator($"li[data-alias='{name}简称']").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已删除别名");
            await office.GetByRole(AriaRole.Button, new() { Name = "撤销单位" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已撤销");
            await Expect(office.Locator("#unit h2")).ToContainTextAsync("已撤销");
            await Expect(office.Locator("#audit")).ToContainTextAsync("删除别名");
            await office.GetByRole(AriaRole.Button, new() { Name = "恢复单位" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已恢复");

            // 区市场监管局 leads tasks of the demo's 2023 list: the page lists them and the retirement is refused, naming them.
            await office.GotoAsync("/office/units");
            await office.Locator("#units tr[data-unit='区市场监管局']").GetByRole(AriaRole.Link, new() { Name = "管理" }).ClickAsync();
            await Expect(office.Locator("#open-tasks tbody tr").First).ToBeVisibleAsync();
            await Expect(office.Locator("#open-count")).Not.ToContainTextAsync("仍有 0 项任务");
            await office.GetByRole(AriaRole.Button, new() { Name = "撤销单位" }).ClickAsync();
            await Expect(office.Locator(".error")).ToContainTextAsync("Reassign them");
            await Expect(office.Locator("#unit h2")).Not.ToContainTextAsync("已撤销");
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(office, "office-units");
        }
    }

    [Fact]
    public async Task TheOfficeLoadsUnitsAndPeopleFromAWorkbookAfterAPreviewOfEveryRow()
    {
        var s = Guid.NewGuid().ToString("N")[..5];
        var office = await browser.SignInAsync("yz.admin");
        var folder = Directory.CreateTempSubdirectory("duban-directory-");
        try
        {
            // A workbook with a problem: previewed, named, and no import offered.
            var flawed = Path.Combine(folder.FullName, "有问题.xlsx");
            await File.WriteAllBytesAsync(flawed, DirectoryWorkbooks.Write(
                [["名称", "别名", "类型", "所属单位组"], ["区人防办" + s, "", "", ""]],
                [["用户名", "姓名", "单位", "角色", "邮箱", "手机"], ["yz.rf" + s, "人防员", "没有这个单位" + s, "牵头单位填报人", "", ""]]));
            await office.GotoAsync("/office/units");
            await office.SetInputFilesAsync("#workbook", flawed);
            await office.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
            await Expect(office.Locator("#import-summary")).ToContainTextAsync("1 行有问题");
            await Expect(office.Locator("#import-rows")).ToContainTextAsync("没有这个单位" + s);
            await Expect(office.GetByRole(AriaRole.Button, new() { Name = "确认导入" })).ToHaveCountAsync(0);

            // Corrected: imported in one go, the one-time password shown once, and the person signs in with it.
            var clear = Path.Combine(folder.FullName, "无误.xlsx");
            await File.WriteAllBytesAsync(clear, DirectoryWorkbooks.Write(
                [["名称", "别名", "类型", "所属单位组"], ["区人防办" + s, "人防办" + s, "", ""]],
                [["用户名", "姓名", "单位", "角色", "邮箱", "手机"], ["yz.rf" + s, "人防员", "人防办" + s, "牵头单位填报人", "", ""]]));
            await office.SetInputFilesAsync("#workbook", clear);
            await office.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
            await Expect(office.Locator("#import-summary")).ToContainTextAsync("没有问题");
            await office.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
            await Expect(office.Locator("#imported")).ToContainTextAsync("新建 1 个单位、1 名人员");
            var password = await office.Locator("#initial-passwords code").InnerTextAsync();
            Assert.Equal(12, password.Length);
            var download = await office.RunAndWaitForDownloadAsync(() =>
                office.GetByRole(AriaRole.Button, new() { Name = "下载初始密码表（.xlsx）" }).ClickAsync());
            Assert.Equal("初始密码.xlsx", download.SuggestedFilename);
            await Expect(office.Locator($"#units tr[data-unit='区人防办{s}']")).ToHaveCountAsync(1);

            // The one-time password opens nothing until the person has chosen their own (asserted by TokenResponseAsync).
            var token = await stack.TokenResponseAsync(new()
            {
                ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = "yz.rf" + s, ["password"] = password, ["new_password"] = "rf-own-password",
            });
            Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(office, "office-directory-import");
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ThePlatformProvisionsADistrictWhoseFirstAdminSignsInAndSuspendsIt()
    {
        // A 重庆 district not yet provisioned on this stack (the test may run again on the same stack).
        var (_, tenants, _) = await stack.GetAsync("/api/v1/tenants", await stack.TokenAsync("platform.admin"));
        var taken = tenants.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToHashSet();
        var code = new[] { "500109", "500110", "500111", "500112", "500113", "500114", "500115", "500116", "500117", "500118" }.First(c => !taken.Contains(c));
        var username = "t" + code + ".admin";
        var platform = await browser.SignInAsync("platform.admin");
        var office = await browser.OpenAsync();
        try
        {
            await Expect(platform.Locator("h1")).ToHaveTextAsync("区县开通");
            await platform.GetByLabel("行政区划代码").FillAsync(code);
            await platform.GetByLabel("上级（已开通的市或省）").FillAsync("500000");
            await platform.GetByLabel("首位管理员用户名").FillAsync(username);
            await platform.GetByRole(AriaRole.Button, new() { Name = "开通" }).ClickAsync();
            await Expect(platform.Locator(".flash")).ToContainTextAsync($"（{code}）");
            var initial = await platform.Locator("#handover code").InnerTextAsync();

            await office.GotoAsync("/login");
            await office.GetByLabel("用户名").FillAsync(username);
            await office.GetByLabel("密码").FillAsync(initial);
            await office.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await office.GetByLabel("新密码（至少 4 个字符）").FillAsync("district-own-password");
            await office.GetByLabel("再次输入新密码").FillAsync("district-own-password");
            await office.GetByRole(AriaRole.Button, new() { Name = "设置密码并登录" }).ClickAsync();
            await PortalBrowser.SignedInAsync(office);
            await Expect(office.Locator("#whoami")).ToHaveTextAsync(username);

            var row = platform.Locator($"#tenants tr[data-tenant='{code}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "暂停" }).ClickAsync();
            await Expect(platform.Locator(".flash")).ToContainTextAsync("已暂停");
            await SignedOutWithinAMinuteAsync(office, "/office/people", "the suspended district's office still used the portal after a minute");

            await platform.Locator($"#tenants tr[data-tenant='{code}']").GetByRole(AriaRole.Button, new() { Name = "恢复" }).ClickAsync();
            await Expect(platform.Locator(".flash")).ToContainTextAsync("已恢复");
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(platform, "platform-tenants");
        }
    }

    [Fact]
    public async Task TheDashboardAndTaskListLoadOnTheDemoDataAndTheirTimesAreRecorded()
    {
        var lines = new List<string> { "page\taccount\truns\tmedian ms\tmax ms (navigation start to load event end, headless Chromium through the gateway)" };
        foreach (var (account, path, marker) in new[]
                 {
                     ("yz.leader", "/dashboard?period=2023-07", "#totals"), ("yz.admin", "/tasks?period=2023-07", "#tasks tbody tr"),
                     ("yz.admin", "/tasks?period=2023-07&size=200", "#tasks tbody tr"), ("yz.scj", "/my?period=2023-07", "#my-tasks tbody tr"),
                     ("cq.viewer", "/municipal?period=2023-07", "#heatmap tbody tr"), ("yz.admin", "/office/reviews?period=2023-07", "#reviews"),
                 })
        {
            var page = await browser.SignInAsync(account);
            var times = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                Assert.Equal(200, response!.Status);
                await Expect(page.Locator(marker).First).ToBeVisibleAsync();
                var ms = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
                if (i > 0)
                {
                    times.Add(ms);
                }
            }

            times.Sort();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{path}\t{account}\t{times.Count}\t{times[times.Count / 2]:0}\t{times[^1]:0}"));
            await PortalBrowser.ScreenshotAsync(page, "load-" + path.Split('?')[0].Trim('/').Replace('/', '-'));
        }

        await File.WriteAllLinesAsync(Path.Combine(PortalBrowser.Artifacts, "page-load-times.tsv"), lines);
    }

    private async Task<(string TaskId, string Number)> OpenReportOfTheMarketRegulatorAsync(string admin)
    {
        var scj = await stack.TokenAsync("yz.scj");
        var unit = UnitOf(scj);
        var (status, list, _) = await stack.GetAsync($"/api/v1/reports?period=2023-07&unitId={unit}", admin);
        Assert.Equal(HttpStatusCode.OK, status);
        // The last open one: other tests take the first.
        var open = list.GetProperty("reports").EnumerateArray()
            .Where(r => !r.GetProperty("exists").GetBoolean() && r.GetProperty("leadUnitId").GetString() == unit)
            .OrderByDescending(r => int.Parse(r.GetProperty("taskNumber").GetString()!, CultureInfo.InvariantCulture))
            .First();
        return (open.GetProperty("taskId").GetString()!, open.GetProperty("taskNumber").GetString()!);
    }

    private static string UnitOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.GetProperty("unit").GetString()!;
    }

    private Task SetClockAsync(string now) => stack.SetClockAsync(Clock, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

    private static string Document2032(string unknownUnit) => $"""
        渝中府办发〔2032〕7号
        重庆市渝中区人民政府办公室
        关于印发《渝中区2032年优化营商环境重点任务》的通知
        各街道办事处，区政府各部门，有关单位：
        经区政府同意，现将《渝中区2032年优化营商环境重点任务》印发给你们，请认真组织实施。各牵头单位每月底前将工作推进情况报区营商办。
        重庆市渝中区人民政府办公室
        2032年3月1日
        一、开办企业
        1.企业开办全流程办理时限由2个工作日压减至1个工作日。（牵头单位：区税务局；责任单位：区财政局）
        2.推行电子营业执照跨部门应用，年底前覆盖率达90%以上。（牵头单位：{unknownUnit}；责任单位：区政务服务办）
        二、纳税
        3.纳税人办税缴费时间压减至70小时以内。（牵头单位：区税务局；责任单位：区财政局）
        """;
}
