using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online;

/// <summary>`platform dashboard`, `platform export` and `platform report submit|return|accept` against the gateway.</summary>
public static class ReportingCommands
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> DashboardAsync(string? gateway, string period, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            var dashboard = await client.GetAsync("/api/v1/dashboards/district?period=" + Uri.EscapeDataString(period), cancellationToken);
            if (json)
            {
                output.WriteLine(dashboard.ToJsonString(Pretty));
                return;
            }

            var total = dashboard["total"]!;
            output.WriteLine($"{period}  绿 green {total["green"]}  黄 yellow {total["yellow"]}  红 red {total["red"]}  逾期 overdue {total["overdue"]}  自评不一致 disagreements {dashboard["disagreements"]}");
            output.WriteLine();
            output.Write(TextTable.Render(["类别 category", "绿", "黄", "红", "逾期"], Rows(dashboard["byCategory"])));
            if ((dashboard["lagging"]?.AsArray().Count ?? 0) > 0)
            {
                output.WriteLine();
                output.Write(TextTable.Render(
                    ["编号", "灯", "牵头单位", "原因 reasons", "存在的问题"],
                    dashboard["lagging"]!.AsArray().Select(t => (IReadOnlyList<string>)
                    [
                        (string?)t!["number"] ?? string.Empty,
                        (string?)t["light"] == "LIGHT_RED" ? "红" : "黄",
                        (string?)t["leadUnit"] ?? string.Empty,
                        (string?)t["reasons"] ?? string.Empty,
                        (string?)t["problems"] ?? string.Empty,
                    ])));
            }

            if ((dashboard["lateUnits"]?.AsArray().Count ?? 0) > 0)
            {
                output.WriteLine();
                output.WriteLine("迟报单位 late units: " + string.Join("、", dashboard["lateUnits"]!.AsArray().Select(u => $"{u!["name"]}（{u["overdue"]}）")));
            }
        });

    /// <summary>The comparison view: one column per district or division below, rows of totals, on-time rates and canonical indicators.</summary>
    public static Task<int> MunicipalAsync(
        string? gateway, string period, string? division, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            var view = await client.GetAsync(
                "/api/v1/dashboards/municipal?period=" + Uri.EscapeDataString(period) +
                (string.IsNullOrEmpty(division) ? string.Empty : "&division=" + Uri.EscapeDataString(division)), cancellationToken);
            if (json)
            {
                output.WriteLine(view.ToJsonString(Pretty));
                return;
            }

            var districts = view["districts"]?.AsArray().Select(d => d!).ToList() ?? [];
            string Cell(JsonNode d, string name) => d[name]?.ToString() ?? "0";
            var header = new List<string> { period }.Concat(districts.Select(d => (string?)d["name"] ?? string.Empty)).ToList();
            var rows = new List<IReadOnlyList<string>>
            {
                Row("任务 tasks", districts.Select(d => Cell(d, "tasks"))),
                Row("绿/黄/红", districts.Select(d => $"{Cell(d, "green")}/{Cell(d, "yellow")}/{Cell(d, "red")}")),
                Row("逾期 overdue", districts.Select(d => Cell(d, "overdue"))),
                Row("已报送 reported", districts.Select(d => $"{Cell(d, "reported")}/{Cell(d, "owed")}")),
                Row("按时报送率 on time", districts.Select(d => (int?)d["due"] is > 0 ? $"{(double?)d["onTimeRate"] ?? 0:P0}" : "—")),
            };
            foreach (var indicator in view["indicators"]?.AsArray() ?? [])
            {
                var cells = indicator!["cells"]!.AsArray();
                if (cells.All(c => (int?)c!["tasks"] is null or 0))
                {
                    continue;
                }

                rows.Add(Row((string?)indicator["indicator"] ?? string.Empty, cells.Select(c => (int?)c!["tasks"] is null or 0
                    ? "缺 gap"
                    : $"{c["tasks"]}项 {c["green"] ?? 0}/{c["yellow"] ?? 0}/{c["red"] ?? 0}")));
            }

            output.Write(TextTable.Render(header, rows));
            foreach (var group in view["comparable"]?.AsArray() ?? [])
            {
                output.WriteLine();
                output.WriteLine($"{group!["indicator"]}（{group["unit"]}，{((bool?)group["lowerIsBetter"] == true ? "越低越好 lower is better" : "越高越好 higher is better")}）: " +
                    string.Join("  ", group["cells"]!.AsArray().Select(c => $"{c!["rank"]}. {Name(districts, (string?)c["tenantId"])} {c["value"]}")));
            }
        });

    public static Task<int> InboxAsync(
        string? gateway, bool unreadOnly, bool readAll, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            var inbox = await client.GetAsync($"/api/v1/inbox?unreadOnly={(unreadOnly ? "true" : "false")}&pageSize=50", cancellationToken);
            if (json)
            {
                output.WriteLine(inbox.ToJsonString(Pretty));
            }
            else
            {
                var items = inbox["notifications"]?.AsArray() ?? [];
                output.WriteLine($"未读 unread: {inbox["unread"] ?? 0}");
                foreach (var item in items)
                {
                    output.WriteLine();
                    output.WriteLine($"{((string?)item!["readAt"] is null ? "●" : "○")} {(string?)item["createdAt"] ?? string.Empty}  {item["title"]}");
                    output.WriteLine("  " + ((string?)item["body"] ?? string.Empty).Replace("\n", "\n  ", StringComparison.Ordinal));
                }
            }

            if (readAll)
            {
                var left = await client.PostAsync("/api/v1/inbox:mark-read", new { ids = Array.Empty<long>() }, cancellationToken);
                if (!json)
                {
                    output.WriteLine();
                    output.WriteLine($"已全部标为已读 marked read; unread now {left["unread"] ?? 0}");
                }
            }
        });

    public static Task<int> WebhooksAsync(
        string? gateway, string action, string? target, string[] kinds, bool deadOnly, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            JsonNode result = action switch
            {
                "add" => await client.PostAsync("/api/v1/webhooks", new { url = target ?? throw new CliException("add needs the URL"), kinds }, cancellationToken),
                "list" => await client.GetAsync("/api/v1/webhooks", cancellationToken),
                "deliveries" => await client.GetAsync($"/api/v1/deliveries?webhookId={Uri.EscapeDataString(target ?? string.Empty)}&deadOnly={(deadOnly ? "true" : "false")}", cancellationToken),
                "retry" => await client.PostAsync($"/api/v1/deliveries/{Uri.EscapeDataString(target ?? throw new CliException("retry needs the delivery id"))}:retry", new { }, cancellationToken),
                "delete" => await client.SendDeleteAsync($"/api/v1/webhooks/{Uri.EscapeDataString(target ?? throw new CliException("delete needs the webhook id"))}", cancellationToken),
                _ => throw new CliException($"unknown action '{action}': use add, list, deliveries, retry or delete"),
            };
            if (json)
            {
                output.WriteLine(result.ToJsonString(Pretty));
                return;
            }

            switch (action)
            {
                case "add":
                    output.WriteLine($"webhook {result["webhook"]?["id"]} → {result["webhook"]?["url"]}");
                    output.WriteLine($"secret (shown once; verify X-Duban-Signature with it): {result["secret"]}");
                    break;
                case "list":
                    output.Write(TextTable.Render(["id", "url", "kinds", "active", "failures"], (result["webhooks"]?.AsArray() ?? []).Select(w => (IReadOnlyList<string>)
                    [
                        (string?)w!["id"] ?? string.Empty, (string?)w["url"] ?? string.Empty, string.Join(",", w["kinds"]?.AsArray().Select(k => (string?)k) ?? []),
                        (bool?)w["active"] == true ? "yes" : "no", w["consecutiveFailures"]?.ToString() ?? "0",
                    ]), maxCell: 60));
                    break;
                case "deliveries":
                    output.Write(TextTable.Render(["id", "channel", "status", "attempts", "subject", "last error"], (result["deliveries"]?.AsArray() ?? []).Select(d => (IReadOnlyList<string>)
                    [
                        d!["id"]?.ToString() ?? string.Empty, (string?)d["channel"] ?? string.Empty, (string?)d["status"] ?? string.Empty,
                        d["attempts"]?.ToString() ?? "0", (string?)d["subject"] ?? string.Empty, (string?)d["lastError"] ?? string.Empty,
                    ])));
                    break;
                default:
                    output.WriteLine($"{action}: done");
                    break;
            }
        });

    /// <summary>Downloads an export and writes it whole (to a temporary file first, so a failure leaves no half file).</summary>
    public static Task<int> ExportAsync(
        string? gateway, string kind, string period, FileInfo file, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            if (kind is not ("ledger" or "bulletin"))
            {
                throw new CliException($"unknown export '{kind}': use ledger or bulletin");
            }

            using var client = new GatewayClient(gateway);
            var bytes = await client.DownloadAsync($"/api/v1/exports/{kind}?period={Uri.EscapeDataString(period)}", cancellationToken);
            var temporary = file.FullName + ".part";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
            output.WriteLine($"{(kind == "ledger" ? "台账 ledger" : "通报 bulletin")} {period}: {file.FullName} ({bytes.Length:N0} bytes)");
        });

    public static Task<int> ReportActionAsync(
        string? gateway, string action, string task, string period, string? comment, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            if (action is not ("submit" or "return" or "accept"))
            {
                throw new CliException($"unknown action '{action}': use submit, return or accept");
            }

            if (action == "return" && string.IsNullOrWhiteSpace(comment))
            {
                throw new CliException("a returned report needs --comment saying why");
            }

            using var client = new GatewayClient(gateway);
            var taskId = Guid.TryParse(task, out _) ? task : await FindTaskIdAsync(client, task, period, cancellationToken);
            var report = await client.PostAsync($"/api/v1/reports/{taskId}/{Uri.EscapeDataString(period)}:{action}", new { comment = comment ?? string.Empty }, cancellationToken);
            output.WriteLine(json ? report.ToJsonString(Pretty) : $"任务 {report["taskNumber"]} {period}: {report["status"]?.ToString().Replace("REPORT_STATUS_", string.Empty).ToLowerInvariant()}");
        });

    /// <summary>A task given by its number ("2") is looked up in the published list of the period's year.</summary>
    private static async Task<string> FindTaskIdAsync(GatewayClient client, string number, string period, CancellationToken cancellationToken)
    {
        var year = period.Length >= 4 ? period[..4] : period;
        var tasks = await client.GetAsync($"/api/v1/tasks?year={Uri.EscapeDataString(year)}&pageSize=500", cancellationToken);
        return (string?)tasks["tasks"]?.AsArray().FirstOrDefault(t => (string?)t!["number"] == number)?["id"]
            ?? throw new CliException($"no published task numbered {number} in {year}");
    }

    private static IReadOnlyList<string> Row(string label, IEnumerable<string> cells) => [label, .. cells];

    private static string Name(IEnumerable<JsonNode> districts, string? tenant) =>
        (string?)districts.FirstOrDefault(d => (string?)d["tenantId"] == tenant)?["name"] ?? tenant ?? string.Empty;

    private static IEnumerable<IReadOnlyList<string>> Rows(JsonNode? counts) =>
        counts?.AsArray().Select(c => (IReadOnlyList<string>)
        [
            (string?)c!["name"] ?? string.Empty,
            c["green"]?.ToString() ?? "0", c["yellow"]?.ToString() ?? "0", c["red"]?.ToString() ?? "0", c["overdue"]?.ToString() ?? "0",
        ]) ?? [];
}
