using System.Globalization;
using Platform.Cli.Online.Api;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>
/// `platform dashboard`, `platform export`, `platform inbox`, `platform webhooks` and `platform report
/// submit|return|accept` against the gateway.
/// </summary>
public static class ReportingCommands
{
    public static Task<int> DashboardAsync(OnlineCall call, string period) =>
        OnlineCommands.Run(call, async client =>
        {
            var answer = await client.GetAsync<ReportingApi.District>(
                "/api/v1/dashboards/district?period=" + Uri.EscapeDataString(period), call.CancellationToken);
            if (PrintedAsJson(call, answer.Json))
            {
                return;
            }

            var (dashboard, total, output) = (answer.Value, answer.Value.Total, call.Output);
            output.WriteLine(
                $"{period}  绿 green {total.Green}  黄 yellow {total.Yellow}  红 red {total.Red}  "
                + $"逾期 overdue {total.Overdue}  自评不一致 disagreements {dashboard.Disagreements}");
            output.WriteLine();
            output.Write(TextTable.Render(
                ["类别 category", "绿", "黄", "红", "逾期"],
                dashboard.ByCategory.Select(c => (IReadOnlyList<string>)
                [
                    c.Name, $"{c.Green}", $"{c.Yellow}", $"{c.Red}", $"{c.Overdue}",
                ])));
            if (dashboard.Lagging.Count > 0)
            {
                output.WriteLine();
                output.Write(TextTable.Render(
                    ["编号", "灯", "牵头单位", "原因 reasons", "存在的问题"],
                    dashboard.Lagging.Select(t => (IReadOnlyList<string>)
                    [
                        t.Number, t.Light == "LIGHT_RED" ? "红" : "黄", t.LeadUnit, t.Reasons, t.Problems,
                    ])));
            }

            if (dashboard.LateUnits.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(
                    "迟报单位 late units: " + string.Join("、", dashboard.LateUnits.Select(u => $"{u.Name}（{u.Overdue}）")));
            }
        });

    /// <summary>
    /// The comparison view: one column per district or division below, rows of totals, on-time rates and canonical
    /// indicators.
    /// </summary>
    public static Task<int> MunicipalAsync(OnlineCall call, string period, string? division) =>
        OnlineCommands.Run(call, async client =>
        {
            var answer = await client.GetAsync<ReportingApi.Municipal>(
                "/api/v1/dashboards/municipal?period=" + Uri.EscapeDataString(period) +
                (string.IsNullOrEmpty(division) ? string.Empty : "&division=" + Uri.EscapeDataString(division)),
                call.CancellationToken);
            if (PrintedAsJson(call, answer.Json))
            {
                return;
            }

            var districts = answer.Value.Districts;
            var header = new List<string> { period }.Concat(districts.Select(d => d.Name)).ToList();
            var rows = new List<IReadOnlyList<string>>
            {
                Row("任务 tasks", districts.Select(d => $"{d.Tasks}")),
                Row("绿/黄/红", districts.Select(d => $"{d.Green}/{d.Yellow}/{d.Red}")),
                Row("逾期 overdue", districts.Select(d => $"{d.Overdue}")),
                Row("已报送 reported", districts.Select(d => $"{d.Reported}/{d.Owed}")),
                Row("按时报送率 on time", districts.Select(d => d.Due > 0 ? $"{d.OnTimeRate:P0}" : "—")),
            };
            foreach (var indicator in answer.Value.Indicators.Where(i => i.Cells.Any(c => c.Tasks != 0)))
            {
                rows.Add(Row(indicator.Indicator, indicator.Cells.Select(c => c.Tasks == 0
                    ? "缺 gap"
                    : $"{c.Tasks}项 {c.Green}/{c.Yellow}/{c.Red}")));
            }

            call.Output.Write(TextTable.Render(header, rows));
            foreach (var group in answer.Value.Comparable)
            {
                var better = group.LowerIsBetter ? "越低越好 lower is better" : "越高越好 higher is better";
                call.Output.WriteLine();
                var cells = group.Cells.Select(c =>
                    $"{c.Rank}. {Name(districts, c.TenantId)} {c.Value.ToString(CultureInfo.InvariantCulture)}");
                call.Output.WriteLine($"{group.Indicator}（{group.Unit}，{better}）: " + string.Join("  ", cells));
            }
        });

    public static Task<int> InboxAsync(OnlineCall call, bool unreadOnly, bool readAll) =>
        OnlineCommands.Run(call, async client =>
        {
            var inbox = await client.GetAsync<ReportingApi.Inbox>(
                $"/api/v1/inbox?unreadOnly={(unreadOnly ? "true" : "false")}&pageSize=50", call.CancellationToken);
            if (!PrintedAsJson(call, inbox.Json))
            {
                call.Output.WriteLine($"未读 unread: {inbox.Value.Unread}");
                foreach (var item in inbox.Value.Notifications)
                {
                    call.Output.WriteLine();
                    call.Output.WriteLine($"{(item.ReadAt is null ? "●" : "○")} {item.CreatedAt}  {item.Title}");
                    call.Output.WriteLine("  " + item.Body.Replace("\n", "\n  ", StringComparison.Ordinal));
                }
            }

            if (readAll)
            {
                var left = await client.PostAsync<ReportingApi.Inbox>(
                    "/api/v1/inbox:mark-read", new { ids = Array.Empty<long>() }, call.CancellationToken);
                if (!call.Json)
                {
                    call.Output.WriteLine();
                    call.Output.WriteLine($"已全部标为已读 marked read; unread now {left.Value.Unread}");
                }
            }
        });

    public static Task<int> WebhooksAsync(
        OnlineCall call, string action, string? target, string[] kinds, bool deadOnly) =>
        OnlineCommands.Run(call, async client =>
        {
            switch (action)
            {
                case "add":
                    var added = await client.PostAsync<ReportingApi.WebhookAdded>(
                        "/api/v1/webhooks",
                        new { url = target ?? throw new CliException("add needs the URL"), kinds },
                        call.CancellationToken);
                    Print(call, added, a =>
                        $"webhook {a.Webhook?.Id} → {a.Webhook?.Url}\n"
                        + $"secret (shown once; verify X-Duban-Signature with it): {a.Secret}");
                    break;
                case "list":
                    var list = await client.GetAsync<ReportingApi.WebhookList>(
                        "/api/v1/webhooks", call.CancellationToken);
                    PrintTable(call, list, l => TextTable.Render(
                        ["id", "url", "kinds", "active", "failures"],
                        l.Webhooks.Select(w => (IReadOnlyList<string>)
                        [
                            w.Id, w.Url, string.Join(",", w.Kinds), w.Active ? "yes" : "no", $"{w.ConsecutiveFailures}",
                        ]),
                        maxCell: 60));
                    break;
                case "deliveries":
                    var deliveries = await client.GetAsync<ReportingApi.DeliveryList>(
                        $"/api/v1/deliveries?webhookId={Uri.EscapeDataString(target ?? string.Empty)}"
                        + $"&deadOnly={(deadOnly ? "true" : "false")}",
                        call.CancellationToken);
                    PrintTable(call, deliveries, l => TextTable.Render(
                        ["id", "channel", "status", "attempts", "subject", "last error"],
                        l.Deliveries.Select(d => (IReadOnlyList<string>)
                        [
                            $"{d.Id}", d.Channel, d.Status, $"{d.Attempts}", d.Subject, d.LastError,
                        ])));
                    break;
                case "retry" or "delete":
                    var id = Uri.EscapeDataString(target ?? throw new CliException(action == "retry"
                        ? "retry needs the delivery id"
                        : "delete needs the webhook id"));
                    var done = action == "retry"
                        ? await client.SendAsync(
                            HttpMethod.Post, $"/api/v1/deliveries/{id}:retry", new { }, call.CancellationToken)
                        : await client.SendAsync(
                            HttpMethod.Delete, $"/api/v1/webhooks/{id}", null, call.CancellationToken);
                    if (!PrintedAsJson(call, done))
                    {
                        call.Output.WriteLine($"{action}: done");
                    }

                    break;
                default:
                    throw new CliException($"unknown action '{action}': use add, list, deliveries, retry or delete");
            }
        });

    /// <summary>
    /// Downloads an export and writes it whole (to a temporary file first, so a failure leaves no half file).
    /// </summary>
    public static Task<int> ExportAsync(OnlineCall call, string kind, string period, FileInfo file) =>
        OnlineCommands.Run(call, async client =>
        {
            if (kind is not ("ledger" or "bulletin"))
            {
                throw new CliException($"unknown export '{kind}': use ledger or bulletin");
            }

            var bytes = await client.DownloadAsync(
                $"/api/v1/exports/{kind}?period={Uri.EscapeDataString(period)}", call.CancellationToken);
            var temporary = file.FullName + ".part";
            await File.WriteAllBytesAsync(temporary, bytes, call.CancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
            var what = kind == "ledger" ? "台账 ledger" : "通报 bulletin";
            call.Output.WriteLine($"{what} {period}: {file.FullName} ({bytes.Length:N0} bytes)");
        });

    public static Task<int> ReportActionAsync(
        OnlineCall call, string action, string task, string period, string? comment) =>
        OnlineCommands.Run(call, async client =>
        {
            if (action is not ("submit" or "return" or "accept"))
            {
                throw new CliException($"unknown action '{action}': use submit, return or accept");
            }

            if (action == "return" && string.IsNullOrWhiteSpace(comment))
            {
                throw new CliException("a returned report needs --comment saying why");
            }

            var taskId = Guid.TryParse(task, out _) ? task : await FindTaskIdAsync(call, client, task, period);
            var report = await client.PostAsync<ReportingApi.Report>(
                $"/api/v1/reports/{taskId}/{Uri.EscapeDataString(period)}:{action}",
                new { comment = comment ?? string.Empty },
                call.CancellationToken);
            Print(call, report, r =>
                $"任务 {r.TaskNumber} {period}: {r.Status.Replace("REPORT_STATUS_", string.Empty).ToLowerInvariant()}");
        });

    /// <summary>A task given by its number ("2") is looked up in the published list of the period's year.</summary>
    private static async Task<string> FindTaskIdAsync(
        OnlineCall call, GatewayClient client, string number, string period)
    {
        var year = period.Length >= 4 ? period[..4] : period;
        var tasks = await client.GetAsync<TasksApi.TaskPage>(
            $"/api/v1/tasks?year={Uri.EscapeDataString(year)}&pageSize=500", call.CancellationToken);
        return tasks.Value.Tasks.FirstOrDefault(t => t.Number == number)?.Id
            ?? throw new CliException($"no published task numbered {number} in {year}");
    }

    /// <summary>A table as it is (it ends its own last line), or the answer's JSON.</summary>
    private static void PrintTable<T>(OnlineCall call, Answer<T> answer, Func<T, string> table)
    {
        if (!PrintedAsJson(call, answer.Json))
        {
            call.Output.Write(table(answer.Value));
        }
    }

    private static IReadOnlyList<string> Row(string label, IEnumerable<string> cells) => [label, .. cells];

    private static string Name(IEnumerable<ReportingApi.Column> districts, string tenant) =>
        districts.FirstOrDefault(d => d.TenantId == tenant)?.Name ?? tenant;
}
