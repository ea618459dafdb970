using System.Globalization;
using System.Net.Http.Json;
using static SeedAnswers;

/// <summary>
/// A few months of a district's reporting, written through the gateway as its units and office would, with the
/// reporting service's demo clock (its /_clock endpoint) moved so that each step happens on a plausible day: June's
/// reports mostly on time and reviewed, some late, some missing; July's in every state — accepted, submitted,
/// returned, drafts with targets behind pace, an extension and a closure awaiting the office, and one of each it
/// approved. The lead unit of
/// <see cref="LeftForTheNewcomer"/> keeps July untouched so that a newcomer (and the end-to-end tests) can report it.
/// </summary>
internal sealed class DemoReports(
    SeedApi api,
    Uri clock,
    string clockToken,
    Func<string, Task<string>> signIn,
    Func<DemoReports.Reporter, Task> createAccount)
{
    public const string LeftForTheNewcomer = "区市场监管局";

    private static readonly string[] Problems =
    [
        "部门间数据共享接口尚未打通，部分材料仍需企业重复提交。", "专业人员不足，审批环节压缩进度慢于预期。", "配套资金尚未到位。",
        "市级系统升级，线上办理功能暂不可用。", "个别企业对新政策知晓度不高。",
    ];

    /// <summary>The demo's "now" (the reporting clock when the seed starts): its month is the current one.</summary>
    public DateTimeOffset Now { get; private set; }

    public async Task StartAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(clock, "/_clock"));
        Now = (await api.SendAsync<Clock>(request, clockToken, "reading the demo clock")).Now;
    }

    /// <summary>Puts the clock back to the demo's "now", which recomputes every light for it.</summary>
    public Task FinishAsync() => SetClockAsync(Now);

    /// <summary>Last month's and this month's reports of one district; false when it has reports already.</summary>
    public async Task<bool> SeedAsync(
        string tenant, string prefix, string adminUser, IReadOnlyDictionary<string, string> knownReporters, bool full)
    {
        var admin = await signIn(adminUser);
        // The published list reaches the reporting service as an event: wait for it.
        var periods = new List<string>();
        for (var waited = 0; periods.Count == 0; waited++)
        {
            if (waited == 120)
            {
                throw new InvalidOperationException(
                    $"The reporting service has no periods of {tenant}'s 2023 list after a minute.");
            }

            await Task.Delay(waited == 0 ? 0 : 500);
            periods = (await api.GetAsync<PeriodList>(admin, "/api/v1/periods?year=2023")).Periods
                .Select(p => p.Key)
                .ToList();
        }

        var today = Now.ToOffset(TimeSpan.FromHours(8));
        var current = $"{today.Year:D4}-{today.Month:D2}";
        var first = $"{today.AddMonths(-1).Year:D4}-{today.AddMonths(-1).Month:D2}";
        if (!periods.Contains(first) || !periods.Contains(current))
        {
            throw new InvalidOperationException(
                $"{tenant}'s list has no periods {first} and {current}; set the demo clock within its year.");
        }

        var written = await api.GetAsync<ReportList>(admin, $"/api/v1/reports?period={first}");
        if (written.Reports.Any(r => r.Exists))
        {
            return false;
        }

        var tasks = (await api.GetAsync<TaskPage>(admin, "/api/v1/tasks?year=2023&pageSize=500")).Tasks;
        var reporters = await ReportersAsync(tenant, prefix, tasks, knownReporters);

        // The first month: most reports on time, a few late within the grace, a few never.
        await SetClockAsync(DueDay(first).AddDays(-2).ToDateTime(new TimeOnly(9, 0)));
        for (var i = 0; i < tasks.Count; i++)
        {
            if (i % 10 is not (3 or 7))
            {
                await WriteAsync(reporters, tasks[i], first, i, submit: true);
            }
        }

        await SetClockAsync(DueDay(first).AddDays(3).ToDateTime(new TimeOnly(10, 0)));
        for (var i = 0; i < tasks.Count; i++)
        {
            if (i % 10 == 3)
            {
                await WriteAsync(reporters, tasks[i], first, i, submit: true);
            }
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            if (i % 10 is 3 or 7 || !full && i % 2 == 1)
            {
                continue;
            }

            var path = $"/api/v1/reports/{tasks[i].Id}/{first}";
            if (i % 15 == 4)
            {
                await ReviewAsync(admin, tasks[i], path + ":return", "请补充具体数据和佐证材料。");
                await WriteAsync(reporters, tasks[i], first, i, submit: true, revised: true);
            }

            await ReviewAsync(admin, tasks[i], path + ":accept");
        }

        // The current month, as of the demo's "now": every state.
        await SetClockAsync(Now);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].Leads.Any(l => l.Name == LeftForTheNewcomer) || (!full && i % 3 != 0))
            {
                continue;
            }

            var path = $"/api/v1/reports/{tasks[i].Id}/{current}";
            switch (i % 8)
            {
                case 0 or 1:
                    await WriteAsync(reporters, tasks[i], current, i, submit: true);
                    await ReviewAsync(admin, tasks[i], path + ":accept");
                    break;
                case 2 or 3:
                    await WriteAsync(reporters, tasks[i], current, i, submit: true);
                    break;
                case 4:
                    await WriteAsync(reporters, tasks[i], current, i, submit: true);
                    await ReviewAsync(admin, tasks[i], path + ":return", "工作成效不具体，请量化说明。");
                    break;
                case 5:
                    await WriteAsync(reporters, tasks[i], current, i, submit: false, behind: true);
                    break;
            }
        }

        if (full)
        {
            await RequestsAsync(admin, reporters, tasks);
        }

        return true;
    }

    /// <summary>
    /// A pending extension and a pending closure (with its evidence) for the office's queue, and one of each the office
    /// already approved: the year's assessment counts the extensions asked and the closures verified during the year.
    /// </summary>
    private async Task RequestsAsync(
        string admin, Dictionary<string, string> reporters, IReadOnlyList<PublishedTask> tasks)
    {
        var others = tasks.Where(t => t.LeadName != LeftForTheNewcomer).ToList();
        var extendable = others.Where(t => t.Deadline.Length > 0).ToList();
        if (extendable.Count > 0)
        {
            await ExtensionAsync(reporters, extendable[0], 3, "涉及市级系统改造，需待市级部门完成接口开发后方可上线。");
        }

        if (others.Count > 0)
        {
            await ClosureAsync(reporters, others[^1], "任务已全部完成，相关制度已印发实施。");
        }

        // Approved ones, on other tasks than the pending requests above.
        if (extendable.Count > 1 && extendable[1].Id != others[^1].Id)
        {
            var id = await ExtensionAsync(reporters, extendable[1], 2, "受汛期影响，施工进度需顺延两个月。");
            await api.PostAsync<Ignored>(admin, $"/api/v1/task-requests/{id}:decide", new { approve = true });
        }

        if (others.Count > 2 && !extendable.Take(2).Any(t => t.Id == others[^2].Id))
        {
            var id = await ClosureAsync(reporters, others[^2], "各项工作已完成并通过验收，长效机制已建立。");
            await api.PostAsync<Ignored>(admin, $"/api/v1/task-requests/{id}:decide", new { approve = true });
        }
    }

    private async Task<string> ExtensionAsync(
        Dictionary<string, string> reporters, PublishedTask task, int months, string reason)
    {
        var deadline = DateOnly.Parse(task.Deadline, CultureInfo.InvariantCulture).AddMonths(months);
        var token = await signIn(reporters[task.LeadName]);
        return (await api.PostAsync<Created>(token, "/api/v1/task-requests:extension", new
        {
            taskId = task.Id,
            requestedDeadline = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            reason,
        })).Id;
    }

    /// <summary>A closure request of a task with its acceptance evidence.</summary>
    private async Task<string> ClosureAsync(Dictionary<string, string> reporters, PublishedTask task, string reason)
    {
        var token = await signIn(reporters[task.LeadName]);
        var pdf = "%PDF-1.4\n% 验收材料（演示）\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(pdf.ToArray()), "file", "验收材料.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/evidence?task_id={task.Id}")
        {
            Content = form,
        };
        var evidence = await api.SendAsync<Created>(request, token, "evidence upload");
        return (await api.PostAsync<Created>(token, "/api/v1/task-requests:closure", new
        {
            taskId = task.Id, reason, evidenceIds = new[] { evidence.Id },
        })).Id;
    }

    /// <summary>A reporter account for every lead unit (the directory's own where it has one).</summary>
    private async Task<Dictionary<string, string>> ReportersAsync(
        string tenant, string prefix, IReadOnlyList<PublishedTask> tasks, IReadOnlyDictionary<string, string> known)
    {
        var units = tasks.SelectMany(t => t.Leads)
            .Select(u => (u.Name, Id: u.UnitId))
            .Distinct()
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        var reporters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            var (name, id) = units[i];
            if (known.TryGetValue(name, out var username))
            {
                reporters[name] = username;
                continue;
            }

            username = $"{prefix}.r{i + 1:D2}";
            await createAccount(new Reporter(username, name + "（填报）", tenant, id));
            reporters[name] = username;
        }

        return reporters;
    }

    /// <summary>The office's review of every lead unit's report of a task.</summary>
    private async Task ReviewAsync(string admin, PublishedTask task, string path, string? comment = null)
    {
        foreach (var lead in task.Leads)
        {
            await api.PostAsync<Ignored>(
                admin, path, new { leadUnitId = lead.UnitId, comment = comment ?? string.Empty });
        }
    }

    /// <summary>Every lead unit's report of a task.</summary>
    private async Task WriteAsync(
        Dictionary<string, string> reporters,
        PublishedTask task,
        string period,
        int index,
        bool submit,
        bool behind = false,
        bool revised = false)
    {
        foreach (var lead in task.Leads)
        {
            if (reporters.TryGetValue(lead.Name, out var username))
            {
                await WriteOneAsync(await signIn(username), task, period, index, submit, behind, revised);
            }
        }
    }

    private async Task WriteOneAsync(
        string token, PublishedTask task, string period, int index, bool submit, bool behind, bool revised)
    {
        var path = $"/api/v1/reports/{task.Id}/{period}";
        var summary = task.Text.Length > 40 ? task.Text[..40] + "……" : task.Text;
        var actuals = new List<object>();
        for (var k = 0; k < task.Targets.Count; k++)
        {
            if (task.Targets[k] is { Value: { } goal, Baseline: { } start })
            {
                // On pace, a little ahead, or (for the lagging demo) still at the baseline.
                var share = behind ? 0 : DueMonth(period) / 12.0 + (index % 3) * 0.05;
                actuals.Add(new { target = k, actual = Math.Round(start + (goal - start) * share, 1) });
            }
        }

        await api.SendAsync<Ignored>(HttpMethod.Put, token, path, new
        {
            progress = $"{(revised ? "（补充）" : string.Empty)}{period} 已按计划推进：{summary}",
            problems = index % 4 == 1 || behind ? Problems[index % Problems.Length] : string.Empty,
            effects = $"本月完成阶段性工作{1 + index % 5}项。",
            selfStatus = SelfStatus(index, behind),
            actuals,
        });
        if (submit)
        {
            await api.PostAsync<Ignored>(token, path + ":submit", new { });
        }
    }

    private static string SelfStatus(int index, bool behind) =>
        behind ? (index % 2 == 0 ? "SELF_STATUS_ON_TRACK" : "SELF_STATUS_BEHIND")
        : index % 9 == 2 ? "SELF_STATUS_AT_RISK"
        : "SELF_STATUS_ON_TRACK";

    private static int DueMonth(string period) => int.Parse(period[5..], CultureInfo.InvariantCulture);

    private static DateOnly DueDay(string period)
    {
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        var month = DueMonth(period);
        return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    private async Task SetClockAsync(DateTimeOffset now)
    {
        // Setting the clock takes a platform-admin token (the seed's own).
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(clock, "/_clock"))
        {
            Content = JsonContent.Create(new { now }),
        };
        await api.SendAsync<Ignored>(request, clockToken, "setting the demo clock");
    }

    private Task SetClockAsync(DateTime chinaLocal) =>
        SetClockAsync(new DateTimeOffset(chinaLocal, TimeSpan.FromHours(8)));

    /// <summary>A reporter account the seed creates for a lead unit the directory has no reporter of.</summary>
    public sealed record Reporter(string Username, string DisplayName, string TenantId, string UnitId);
}
