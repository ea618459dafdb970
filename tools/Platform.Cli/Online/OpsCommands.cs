using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online;

public static class OpsCommands
{
    /// <summary>The services whose queues an operator sees (units consumes nothing).</summary>
    private static readonly string[] Consumers = ["tasks", "reporting", "notifications"];

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(
        string? gateway, string action, string? service, string? queue, string? tenant, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            switch (action)
            {
                case "queues":
                {
                    var all = new JsonArray();
                    foreach (var s in Consumers)
                    {
                        all.Add(await client.GetAsync($"/api/v1/ops/{s}/queues", cancellationToken));
                    }

                    Write(all, json, output, () => TextTable.Render(["service", "queue", "ready", "error", "skipped"],
                        all.SelectMany(s => (s!["queues"]?.AsArray() ?? []).Select(q => (IReadOnlyList<string>)
                        [
                            (string?)s["service"] ?? string.Empty, (string?)q!["queue"] ?? string.Empty, q["ready"]?.ToString() ?? "0",
                            q["error"]?.ToString() ?? "0", q["skipped"]?.ToString() ?? "0",
                        ]))));
                    break;
                }

                case "redrive":
                {
                    // A named queue belongs to the service its name starts with ("notifications-report-returned_error").
                    var services = queue is { Length: > 0 } named
                        ? [Consumers.FirstOrDefault(s => named.StartsWith(s + "-", StringComparison.Ordinal)) ?? throw new CliException($"no service consumes '{named}'; see `platform ops queues`")]
                        : Consumers;
                    var all = new JsonArray();
                    foreach (var s in services)
                    {
                        all.Add(await client.PostAsync($"/api/v1/ops/{s}/queues:redrive", new { queue }, cancellationToken));
                    }

                    Write(all, json, output, () => TextTable.Render(["service", "queue", "moved back"],
                        all.SelectMany(s => (s!["moved"]?.AsArray() ?? []).Select(q => (IReadOnlyList<string>)
                        [
                            (string?)s["service"] ?? string.Empty, (string?)q!["queue"] ?? string.Empty, q["moved"]?.ToString() ?? "0",
                        ]))));
                    break;
                }

                case "replay":
                {
                    if (service is not ("tasks" or "units"))
                    {
                        throw new CliException("replay needs the service whose state is published again: tasks or units");
                    }

                    var result = await client.PostAsync($"/api/v1/ops/{service}:replay", new { tenant }, cancellationToken);
                    Write(result, json, output, () => string.Join(Environment.NewLine,
                        (result["replayed"]?.AsObject() ?? []).Select(p => $"{p.Key}: {p.Value} published again")) + Environment.NewLine);
                    break;
                }

                default:
                    throw new CliException($"unknown action '{action}': use queues, redrive or replay");
            }
        });

    private static void Write(JsonNode result, bool json, TextWriter output, Func<string> text) =>
        output.Write(json ? result.ToJsonString(Pretty) + Environment.NewLine : text());
}
