using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Platform.EndToEnd.Tests.Portal;
using Platform.Testing;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The close of 渝中's 2023 on the demo, through the gateway: the reporting clock moves to 2024-01-10, 区市场监管局
/// files its completion reports (one returned, then accepted), the office previews then applies an assessment rule set
/// whose reasons match the demo's months, downloads the year's .docx and the assessment .xlsx, closes the year, imports
/// a 2024 list that offers the unfinished 2023 tasks and carries two over, and publishes a public page that shows only
/// what it ticked — and nothing of 渝中 on 江北's. The office's assessment page is driven in a real browser between the
/// apply and the close.
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed class YearEndStackTests(Stack stack, PortalBrowser browser)
    : IClassFixture<Stack>, IClassFixture<PortalBrowser>
{
    private const string Regulator = "区市场监管局";

    private static readonly Uri Clock = new(StackEndpoints.Hosts["reporting"], "/_clock");

    private static readonly DateTimeOffset January10 = new(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TheDistrictClosesItsYearAssessesItsUnitsCarriesTasksOverAndTellsThePublic()
    {
        var admin = await stack.TokenAsync("yz.admin");
        var scj = await stack.TokenAsync("yz.scj");
        await stack.WaitForReportingAsync(admin);
        var original = (await stack.Http.GetFromJsonAsync<JsonElement>(Clock)).GetProperty("now").GetString()!;
        var (_, year, _) = await stack.GetAsync("/api/v1/years/2023", admin);
        var closedBefore = year.GetProperty("closed").GetBoolean();
        try
        {
            if (!closedBefore)
            {
                // During the year (the demo's July): the extension and the closure are granted.
                await TheOfficeDecidesTheDemosRequestsAsync(admin);
            }

            await stack.SetClockAsync(Clock, January10);
            if (!closedBefore)
            {
                await TheOfficeOpensTheFilingAsync(admin);
                await TheRegulatorFilesItsCompletionReportsAsync(scj, admin);
                await TheOfficePreviewsThenAppliesTheRulesAsync(admin);
                await new AssessmentPageSteps(browser)
                    .TheOfficeEditsTheRulesPreviewsTheRankingAppliesItAndDownloadsTheSheetAsync();
            }

            var assessment = await TheReasonsMatchTheDemosMonthsAsync(admin, scj, frozenBefore: closedBefore);
            await TheYearsDocumentsReadBackWithTheFiguresAsync(admin, assessment);
            await TheOfficeClosesTheYearAsync(admin, closedBefore);
            await ANewListOffersTheUnfinishedTasksAndCarriesTwoOverAsync(admin);
            await ThePublicPageShowsOnlyWhatWasTickedAsync(admin);
        }
        finally
        {
            await stack.SetClockAsync(Clock, DateTimeOffset.Parse(original, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The demo leaves an extension and a closure waiting: the office grants both in the year.</summary>
    private async Task TheOfficeDecidesTheDemosRequestsAsync(string admin)
    {
        var (_, pending, _) = await stack.GetAsync("/api/v1/task-requests?status=TASK_REQUEST_STATUS_PENDING", admin);
        var seeded = pending.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("reason").GetString() is "涉及市级系统改造，需待市级部门完成接口开发后方可上线。"
                or "任务已全部完成，相关制度已印发实施。")
            .ToList();
        foreach (var request in seeded)
        {
            var (status, decided, _) = await stack.PostJsonAsync(
                $"/api/v1/task-requests/{request.GetProperty("id").GetString()}:decide", admin, new { approve = true });
            Assert.True(status == HttpStatusCode.OK, $"deciding {request}: {(int)status} {decided}");
        }
    }

    private async Task TheOfficeOpensTheFilingAsync(string admin)
    {
        var (refused, _, _) = await stack.PostJsonAsync(
            "/api/v1/years/2023:openCompletion", await stack.TokenAsync("yz.scj"), new { opensOn = "2024-01-05" });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        var (status, summary, _) = await stack.PostJsonAsync(
            "/api/v1/years/2023:openCompletion", admin, new { opensOn = "2024-01-05" });
        Assert.True(status == HttpStatusCode.OK, $"opening the filing: {(int)status} {summary}");
        Assert.True(summary.GetProperty("open").GetBoolean());
    }

    /// <summary>Every task 区市场监管局 leads: the first 完成, the second 未完成, the rest 基本完成; the first is returned.</summary>
    private async Task TheRegulatorFilesItsCompletionReportsAsync(string scj, string admin)
    {
        var mine = await RegulatorsReportsAsync(scj);
        Assert.True(mine.Count >= 3, $"区市场监管局 leads {mine.Count} tasks of 渝中's list");
        for (var i = 0; i < mine.Count; i++)
        {
            var path = CompletionPath(mine[i]);
            var (_, draft, _) = await stack.GetAsync(path, scj);
            var finals = draft.GetProperty("targets").EnumerateArray()
                .Select(t => new
                {
                    target = t.GetProperty("target").GetInt32(),
                    value = t.TryGetProperty("computedValue", out var computed) ? computed.GetDouble() : 1.0,
                })
                .ToArray();
            var outcome = i switch
            {
                0 => "COMPLETION_OUTCOME_COMPLETED",
                1 => "COMPLETION_OUTCOME_NOT_COMPLETED",
                _ => "COMPLETION_OUTCOME_MOSTLY_COMPLETED",
            };
            var body = new { outcome, summary = $"全年工作总结（{i + 1}）：按计划推进，形成制度成果。", finalValues = finals };
            var (saved, report, _) = await stack.SendAsync(HttpMethod.Put, path, scj, JsonContent.Create(body));
            Assert.True(saved == HttpStatusCode.OK, $"saving {path}: {(int)saved} {report}");
            await ExpectStatusAsync(path + ":submit", scj, "REPORT_STATUS_SUBMITTED");
        }

        var first = CompletionPath(mine[0]);
        var (selfAccept, _, _) = await stack.PostJsonAsync(first + ":accept", scj, new { });
        Assert.Equal(HttpStatusCode.Forbidden, selfAccept);
        await ExpectStatusAsync(first + ":return", admin, "REPORT_STATUS_RETURNED", "请补充全年量化成效和佐证材料。");
        await ExpectStatusAsync(first + ":submit", scj, "REPORT_STATUS_SUBMITTED");
        foreach (var report in mine)
        {
            await ExpectStatusAsync(CompletionPath(report) + ":accept", admin, "REPORT_STATUS_ACCEPTED");
        }

        var (_, summary, _) = await stack.GetAsync("/api/v1/years/2023", admin);
        var counts = summary.GetProperty("counts");
        Assert.True(counts.GetProperty("accepted").GetInt32() >= mine.Count);
        Assert.True(counts.GetProperty("notCompleted").GetInt32() >= 1);
    }

    private async Task TheOfficePreviewsThenAppliesTheRulesAsync(string admin)
    {
        var (_, current, _) = await stack.GetAsync("/api/v1/assessment/rules", admin);
        var rules = JsonSerializer.Deserialize<Dictionary<string, object>>(current.GetProperty("rules").GetRawText())!;
        rules["baseScore"] = 100;
        var (previewed, preview, _) =
            await stack.PostJsonAsync("/api/v1/assessment/2023:preview", admin, new { rules });
        Assert.True(previewed == HttpStatusCode.OK, $"preview: {(int)previewed} {preview}");
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.NotEmpty(preview.GetProperty("units").EnumerateArray());

        // A preview saves nothing: no unit reads a score yet unless an earlier apply made one.
        var (applied, assessment, _) = await stack.PostJsonAsync("/api/v1/assessment/2023:apply", admin, new { rules });
        Assert.True(applied == HttpStatusCode.OK, $"apply: {(int)applied} {assessment}");
        Assert.True(assessment.GetProperty("applied").GetBoolean());
        Assert.True(assessment.GetProperty("ruleVersion").GetInt32() >= 1);
        Assert.Equal(
            Ranking(preview).Select(u => (u.Name, u.Score)),
            Ranking(assessment).Select(u => (u.Name, u.Score)));
    }

    /// <summary>
    /// 区市场监管局's reasons, checked against the months as the reporting service holds them: one reason per month a
    /// report of its tasks was never handed in by its grace day, its completion outcomes, and a score equal to the base
    /// less its reasons. The unit reads its own entry only; the ranking is ordered by score.
    /// </summary>
    private async Task<JsonElement> TheReasonsMatchTheDemosMonthsAsync(string admin, string scj, bool frozenBefore)
    {
        var (_, assessment, _) = await stack.GetAsync("/api/v1/assessment/2023", admin);
        var ranking = Ranking(assessment);
        Assert.True(ranking.Count >= 10, $"渝中's lead units ranked: {ranking.Count}");
        Assert.Equal(ranking.OrderByDescending(u => u.Score).Select(u => u.Score), ranking.Select(u => u.Score));
        Assert.All(ranking.Zip(ranking.Skip(1)), pair =>
            Assert.True(pair.First.Score > pair.Second.Score ? pair.First.Rank < pair.Second.Rank
                : pair.First.Rank == pair.Second.Rank));

        var units = assessment.GetProperty("units").EnumerateArray().ToList();
        var regulator = units.Single(u => u.GetProperty("unitName").GetString() == Regulator);
        var reasons = regulator.GetProperty("reasons").EnumerateArray()
            .Select(r => (Kind: r.GetProperty("kind").GetString()!, Text: r.GetProperty("text").GetString()!,
                Points: r.GetProperty("points").GetDouble()))
            .ToList();
        var (_, rules, _) = await stack.GetAsync("/api/v1/assessment/rules", admin);
        var baseScore = rules.GetProperty("rules").GetProperty("baseScore").GetDouble();
        Assert.Equal(
            Math.Round(Math.Max(0, baseScore - reasons.Sum(r => r.Points)), 2),
            Math.Round(regulator.GetProperty("score").GetDouble(), 2));

        await File.WriteAllTextAsync(
            Path.Combine(PortalBrowser.Artifacts, "assessment-2023.md"), RankingTable(assessment, baseScore));
        // Against the months as they are now; a year frozen by an earlier run keeps the months as they were then.
        List<(string Period, string Number)> missing = frozenBefore ? [] : await MissingMonthsAsync(admin);
        var missingReasons = reasons.Where(r => r.Kind == "MissingReport").ToList();
        Assert.True(frozenBefore || missing.Count == missingReasons.Count, $"{missing.Count} ≠ {missingReasons.Count}");
        Assert.All(missing, m => Assert.Contains(
            missingReasons,
            r => r.Text.Contains(m.Period, StringComparison.Ordinal)
            && r.Text.Contains($"任务 {m.Number}", StringComparison.Ordinal)));
        Assert.Single(reasons, r => r.Kind == "TaskNotCompleted");
        Assert.Contains(reasons, r => r.Kind == "TaskMostlyCompleted");

        // The unit itself reads its own score and reasons, and no one else's.
        var (_, own, _) = await stack.GetAsync("/api/v1/assessment/2023", scj);
        var ownUnits = own.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(Regulator, Assert.Single(ownUnits).GetProperty("unitName").GetString());
        Assert.Equal(regulator.GetProperty("score").GetDouble(), ownUnits[0].GetProperty("score").GetDouble());

        // 江北 sees none of 渝中's scores.
        var (_, jb, _) = await stack.GetAsync("/api/v1/assessment/2023", await stack.TokenAsync("jb.admin"));
        Assert.DoesNotContain(jb.TryGetProperty("units", out var jbUnits) ? jbUnits.EnumerateArray() : [],
            u => u.GetProperty("unitName").GetString() == Regulator && u.GetProperty("score").GetDouble()
                == regulator.GetProperty("score").GetDouble());
        return assessment;
    }

    private async Task TheYearsDocumentsReadBackWithTheFiguresAsync(string admin, JsonElement assessment)
    {
        var ranking = Ranking(assessment);
        using (var sheet = await DownloadAsync("/api/v1/exports/assessment?year=2023", admin))
        using (var workbook = SpreadsheetDocument.Open(sheet, false))
        {
            var text = string.Join('\n', SheetCells(workbook));
            foreach (var unit in ranking)
            {
                Assert.Contains(unit.Name, text, StringComparison.Ordinal);
            }

            var regulator = ranking.Single(u => u.Name == Regulator);
            var score = regulator.Score.ToString("0.##", CultureInfo.InvariantCulture);
            Assert.Contains(score, text, StringComparison.Ordinal);
        }

        using var docx = await DownloadAsync("/api/v1/exports/year?year=2023", admin);
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var body = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("2023", body, StringComparison.Ordinal);
            Assert.Contains(Regulator, body, StringComparison.Ordinal);
            Assert.NotEmpty(document.MainDocumentPart.ChartParts);
        }

        // Both print as the office would file them: the sheet one page wide in landscape, the document in Chinese.
        using var again = await DownloadAsync("/api/v1/exports/assessment?year=2023", admin);
        var printedSheet = await DocumentRendering.RenderAsync(
            again.ToArray(), "assessment-500103-2023.xlsx", pngName: "assessment-500103-2023");
        Assert.All(printedSheet.Pages, p => Assert.True(p.IsA4 && p.Landscape, $"a page of {p} is not A4 landscape"));
        Assert.Contains(Regulator, string.Join('\n', printedSheet.PageTexts), StringComparison.Ordinal);
        var printedYear = await DocumentRendering.RenderAsync(
            docx.ToArray(), "year-500103-2023.docx", pngName: "year-500103-2023", pngPages: 2);
        Assert.All(printedYear.Pages, p => Assert.True(p.IsA4, $"a page of {p} is not A4"));
        PrintChecks.AssertNoLatinWords(printedYear);
        PrintChecks.AssertNoShortSegments(printedYear, docx.ToArray());
    }

    private async Task TheOfficeClosesTheYearAsync(string admin, bool closedBefore)
    {
        if (!closedBefore)
        {
            var (refused, _, _) = await stack.PostJsonAsync(
                "/api/v1/assessment/2023:closeYear", await stack.TokenAsync("yz.leader"), new { });
            Assert.Equal(HttpStatusCode.Forbidden, refused);
            var (status, closed, _) = await stack.PostJsonAsync("/api/v1/assessment/2023:closeYear", admin, new { });
            Assert.True(status == HttpStatusCode.OK, $"closing: {(int)status} {closed}");
            Assert.True(closed.GetProperty("final").GetBoolean());
        }

        // A closed year takes no new rules and no second close: its scores stay frozen.
        var (_, before, _) = await stack.GetAsync("/api/v1/assessment/2023", admin);
        var (_, rules, _) = await stack.GetAsync("/api/v1/assessment/rules", admin);
        var (_, again, _) = await stack.PostJsonAsync(
            "/api/v1/assessment/2023:apply", admin, new { rules = rules.GetProperty("rules") });
        Assert.Equal("FAILED_PRECONDITION", again.GetProperty("grpcStatus").GetString());
        var (_, twice, _) = await stack.PostJsonAsync("/api/v1/assessment/2023:closeYear", admin, new { });
        Assert.Equal("FAILED_PRECONDITION", twice.GetProperty("grpcStatus").GetString());
        var (_, after, _) = await stack.GetAsync("/api/v1/assessment/2023", admin);
        Assert.Equal(Ranking(before), Ranking(after));
    }

    /// <summary>
    /// A 2024 draft whose first task continues 区市场监管局's unfinished task in other words: the import offers the
    /// unfinished 2023 tasks (once the YearClosed event reached the tasks service), suggests that first task for it,
    /// and the office matches it and carries one more over as a task of its own; the diff shows them apart.
    /// </summary>
    private async Task ANewListOffersTheUnfinishedTasksAndCarriesTwoOverAsync(string admin)
    {
        var unfinished = (await RegulatorsReportsAsync(await stack.TokenAsync("yz.scj")))
            .Single(r => r.GetProperty("outcome").GetString() == "COMPLETION_OUTCOME_NOT_COMPLETED");
        var unfinishedText = unfinished.GetProperty("taskText").GetString()!;
        var draftId = await TheDraftOf2024Async(admin, unfinishedText);

        var carryOver = await EventuallyAsync(
            $"/api/v1/task-lists/{draftId}/carryover", admin, c => c.GetProperty("candidates").GetArrayLength() > 0);
        var candidates = carryOver.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(2023, carryOver.GetProperty("fromYear").GetInt32());
        var fromId = unfinished.GetProperty("taskId").GetString()!;
        var regulators = candidates.Single(c => c.GetProperty("fromTaskId").GetString() == fromId);
        Assert.Equal("未完成", regulators.GetProperty("outcome").GetString());
        var suggestion = regulators.GetProperty("suggestions")[0];
        Assert.Equal("1", suggestion.GetProperty("number").GetString());

        var path = $"/api/v1/task-lists/{draftId}/carryover/";
        var (matched, match, _) = await stack.PostJsonAsync(
            path + fromId + ":match", admin, new { taskId = suggestion.GetProperty("taskId").GetString() });
        Assert.True(matched == HttpStatusCode.OK, $"match: {(int)matched} {match}");
        // The one carried before when the scenario ran on this stack already, else the first undecided.
        var others = candidates.Where(c => c.GetProperty("fromTaskId").GetString() != fromId).ToList();
        var other = others.FirstOrDefault(c => c.GetProperty("decision").GetString() == "carried") is
            { ValueKind: JsonValueKind.Object } before
            ? before
            : others.First(c => c.GetProperty("decision").GetString() is null or "");
        var (carried, carry, _) = await stack.PostJsonAsync(
            path + other.GetProperty("fromTaskId").GetString() + ":carry", admin, new { });
        Assert.True(carried == HttpStatusCode.OK, $"carry: {(int)carried} {carry}");
        var (dropNoReason, _, _) = await stack.PostJsonAsync(
            path + candidates.Last().GetProperty("fromTaskId").GetString() + ":drop", admin, new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, dropNoReason);

        var (_, after, _) = await stack.GetAsync($"/api/v1/task-lists/{draftId}/carryover", admin);
        var decided = after.GetProperty("candidates").EnumerateArray()
            .Where(c => c.GetProperty("decision").GetString() is "carried" or "matched").ToList();
        Assert.Equal(2, decided.Count);
        var (_, diff, _) = await stack.GetAsync($"/api/v1/task-lists/{draftId}/diff", admin);
        Assert.Contains(diff.GetProperty("carried").EnumerateArray(),
            c => c.GetProperty("afterText").GetString() == other.GetProperty("text").GetString());

        // 江北 sees nothing of 渝中's carry-over.
        var (jbStatus, _, _) = await stack.GetAsync(
            $"/api/v1/task-lists/{draftId}/carryover", await stack.TokenAsync("jb.admin"));
        Assert.Equal(HttpStatusCode.NotFound, jbStatus);
    }

    /// <summary>Imports (or, on a stack that ran this before, finds) 渝中's 2024 draft.</summary>
    private async Task<string> TheDraftOf2024Async(string admin, string continuedText)
    {
        var (_, lists, _) = await stack.GetAsync("/api/v1/task-lists?year=2024", admin);
        var draft = lists.GetProperty("taskLists").EnumerateArray()
            .FirstOrDefault(l => l.GetProperty("status").GetString() == "TASK_LIST_STATUS_DRAFT");
        if (draft.ValueKind == JsonValueKind.Object)
        {
            return draft.GetProperty("id").GetString()!;
        }

        var text = new StringBuilder()
            .AppendLine("渝中区2024年优化营商环境重点任务")
            .AppendLine("一、市场准入")
            .AppendLine($"1.继续{continuedText.TrimEnd('。')}，巩固提升。（牵头单位：区市场监管局）")
            .AppendLine("二、政务服务")
            .AppendLine("2.新建“渝中企业服务驿站”，年底前覆盖全部街道。（牵头单位：区政务服务办）")
            .ToString();
        var content = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var (status, imported, _) = await stack.PostJsonAsync(
            "/api/v1/task-lists:import", admin, new { year = 2024, fileName = "渝中区2024年重点任务.txt", content });
        Assert.True(status == HttpStatusCode.OK, $"import 2024: {(int)status} {imported}");
        return imported.GetProperty("taskList").GetProperty("id").GetString()!;
    }

    /// <summary>
    /// The office ticks only the lead units, previews, publishes: /public/500103 shows the list with statuses and the
    /// lead units, never the lights, problems or scores; /public/500105 (江北) shows nothing of 渝中.
    /// </summary>
    private async Task ThePublicPageShowsOnlyWhatWasTickedAsync(string admin)
    {
        var ticks = new { leadUnits = true, lights = false, problemsText = false, progressText = false };
        var (updated, settings, _) =
            await stack.SendAsync(HttpMethod.Put, "/api/v1/publicpage", admin, JsonContent.Create(ticks));
        Assert.True(updated == HttpStatusCode.OK, $"public settings: {(int)updated} {settings}");
        var preview = settings.GetProperty("preview");
        Assert.Equal(90, preview.GetProperty("taskCount").GetInt32());
        var (published, _, _) = await stack.PostJsonAsync("/api/v1/publicpage:publish", admin, new { });
        Assert.Equal(HttpStatusCode.OK, published);

        var (_, tasks, _) = await stack.GetAsync("/api/v1/tasks?year=2023&pageSize=500", admin);
        var yuzhongTexts = tasks.GetProperty("tasks").EnumerateArray()
            .Select(t => t.GetProperty("text").GetString()!).ToList();
        using var page = await stack.Http.GetAsync("/public/500103");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("推进中", html, StringComparison.Ordinal);
        Assert.Contains(Regulator, html, StringComparison.Ordinal);
        Assert.Contains(yuzhongTexts[0][..12], html, StringComparison.Ordinal);
        foreach (var internalWord in new[] { "红灯", "黄灯", "绿灯", "存在的问题", "考核得分" })
        {
            Assert.DoesNotContain(internalWord, html, StringComparison.Ordinal);
        }

        var (_, problems, _) = await stack.GetAsync("/api/v1/reports?period=2023-06", admin);
        foreach (var report in problems.GetProperty("reports").EnumerateArray())
        {
            if (report.GetProperty("problems").GetString() is { Length: > 8 } problem)
            {
                Assert.DoesNotContain(problem, html, StringComparison.Ordinal);
            }
        }

        using var jiangbei = await stack.Http.GetAsync("/public/500105");
        var jbHtml = WebUtility.HtmlDecode(await jiangbei.Content.ReadAsStringAsync());
        Assert.DoesNotContain("渝中", jbHtml, StringComparison.Ordinal);
        Assert.All(yuzhongTexts.Where(t => t.Length > 20).Take(20),
            t => Assert.DoesNotContain(t[..20], jbHtml, StringComparison.Ordinal));

        using var feed = await stack.Http.GetAsync("/public/500103/feed.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);

        // At a phone's width, without signing in: the page fits and nobody is asked for a password.
        var phone = await browser.OpenAsync(390, 844);
        await phone.GotoAsync("/public/500103");
        Assert.Contains("渝中", await phone.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await phone.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth <= window.innerWidth"), "the public page overflows a phone");
        await PortalBrowser.ScreenshotAsync(phone, "public-500103-phone");
    }

    /// <summary>(period, task number) of each month a report of 区市场监管局's tasks was not in by its grace day.</summary>
    private async Task<List<(string Period, string Number)>> MissingMonthsAsync(string admin)
    {
        var (_, periods, _) = await stack.GetAsync("/api/v1/periods?year=2023", admin);
        var today = DateOnly.FromDateTime(January10.DateTime);
        var missing = new List<(string, string)>();
        var unitId = (await RegulatorsReportsAsync(await stack.TokenAsync("yz.scj")))[0]
            .GetProperty("leadUnitId").GetString();
        foreach (var period in periods.GetProperty("periods").EnumerateArray())
        {
            var key = period.GetProperty("key").GetString()!;
            var grace = DateOnly.Parse(period.GetProperty("graceUntil").GetString()!, CultureInfo.InvariantCulture);
            if (grace >= today)
            {
                continue;
            }

            var (_, reports, _) = await stack.GetAsync($"/api/v1/reports?period={key}&unitId={unitId}", admin);
            missing.AddRange(reports.GetProperty("reports").EnumerateArray()
                .Where(r => r.GetProperty("leadUnitId").GetString() == unitId
                    && r.GetProperty("status").GetString()
                        is null or "REPORT_STATUS_UNSPECIFIED" or "REPORT_STATUS_DRAFT")
                .Select(r => (key, r.GetProperty("taskNumber").GetString()!)));
        }

        return missing;
    }

    private async Task<List<JsonElement>> RegulatorsReportsAsync(string scj)
    {
        var (status, list, _) = await stack.GetAsync("/api/v1/completion?year=2023", scj);
        Assert.True(status == HttpStatusCode.OK, $"completion list: {(int)status} {list}");
        return list.GetProperty("reports").EnumerateArray()
            .Where(r => r.GetProperty("leadUnitName").GetString() == Regulator)
            .OrderBy(r => int.Parse(
                r.GetProperty("taskNumber").GetString()!.Split('.')[0], CultureInfo.InvariantCulture))
            .ToList();
    }

    private static string CompletionPath(JsonElement report) =>
        $"/api/v1/completion/{report.GetProperty("taskId").GetString()}/2023";

    private async Task ExpectStatusAsync(string path, string token, string expected, string? comment = null)
    {
        var (status, body, _) = await stack.PostJsonAsync(path, token, new { comment = comment ?? string.Empty });
        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body}");
        Assert.Equal(expected, body.GetProperty("status").GetString());
    }

    private async Task<JsonElement> EventuallyAsync(string path, string token, Func<JsonElement, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, body, _) = await stack.GetAsync(path, token);
            if (status == HttpStatusCode.OK && ready(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} not ready within 30 s: {(int)status} {body}");
            await Task.Delay(250);
        }
    }

    private async Task<MemoryStream> DownloadAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await stack.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync());
    }

    private static IEnumerable<string> SheetCells(SpreadsheetDocument workbook)
    {
        var shared = workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<
            DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        foreach (var cell in workbook.WorkbookPart.WorksheetParts
            .SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()))
        {
            var text = cell.CellValue?.Text ?? cell.InnerText;
            yield return cell.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString
                && int.TryParse(text, CultureInfo.InvariantCulture, out var index) && index < shared.Count
                ? shared[index] : text;
        }
    }

    /// <summary>The ranking as a Markdown table, each unit's reasons counted by kind, for a person to read.</summary>
    private static string RankingTable(JsonElement assessment, double baseScore)
    {
        var units = assessment.GetProperty("units").EnumerateArray().ToList();
        var kinds = units.SelectMany(u => u.GetProperty("reasons").EnumerateArray())
            .Select(r => r.GetProperty("kind").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new StringBuilder()
            .AppendLine(
                CultureInfo.InvariantCulture, $"Rule version {assessment.GetProperty("ruleVersion")}, base {baseScore}")
            .AppendLine()
            .AppendLine("| Rank | Unit | Score | " + string.Join(" | ", kinds) + " |")
            .AppendLine("|---:|---|---:|" + string.Concat(kinds.Select(_ => "---:|")));
        foreach (var unit in units)
        {
            var reasons = unit.GetProperty("reasons").EnumerateArray().ToList();
            var cells = kinds.Select(kind =>
            {
                var of = reasons.Where(r => r.GetProperty("kind").GetString() == kind).ToList();
                var points = of.Sum(r => r.GetProperty("points").GetDouble());
                return of.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{of.Count} (−{points:0.##})");
            });
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {unit.GetProperty("rank")} | {unit.GetProperty("unitName").GetString()} | " +
                $"{unit.GetProperty("score").GetDouble():0.##} | {string.Join(" | ", cells)} |");
        }

        return table.ToString();
    }

    private static List<(string Name, double Score, int Rank)> Ranking(JsonElement assessment) =>
        assessment.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("unitName").GetString()!, u.GetProperty("score").GetDouble(),
                u.GetProperty("rank").GetInt32()))
            .ToList();
}
