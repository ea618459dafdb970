using System.Text.Json.Nodes;
using Platform.Cli.Online.Api;

namespace Platform.Cli.Online;

/// <summary>The operator's view of every service's queues, re-drives of error queues, and replays.</summary>
public static class OpsCommands
{
    /// <summary>The services whose queues an operator sees (units consumes nothing).</summary>
    private static readonly string[] Consumers = ["tasks", "reporting", "notifications"];

    public static Task<int> RunAsync(OnlineCall call, string action, string? service, string? queue, string? tenant) =>
        OnlineCommands.Run(call, client => action switch
        {
            "queues" => QueuesAsync(call, client),
            "redrive" => RedriveAsync(call, client, queue),
            "replay" => ReplayAsync(call, client, service, tenant),
            _ => throw new CliException($"unknown action '{action}': use queues, redrive or replay"),
        });

    private static async Task QueuesAsync(OnlineCall call, GatewayClient client)
    {
        var all = new List<Answer<OpsApi.ServiceQueues>>();
        foreach (var s in Consumers)
        {
            all.Add(await client.GetAsync<OpsApi.ServiceQueues>($"/api/v1/ops/{s}/queues", call.CancellationToken));
        }

        Write(call, Services(all), () => TextTable.Render(
            ["service", "queue", "ready", "error", "skipped"],
            all.Select(a => a.Value).SelectMany(s => s.Queues.Select(q => (IReadOnlyList<string>)
            [
                s.Service, q.Queue, $"{q.Ready}", $"{q.Error}", $"{q.Skipped}",
            ]))));
    }

    private static async Task RedriveAsync(OnlineCall call, GatewayClient client, string? queue)
    {
        // A named queue belongs to the service its name starts with ("notifications-report-returned_error").
        var services = queue is { Length: > 0 } named
            ? [Consumers.FirstOrDefault(s => named.StartsWith(s + "-", StringComparison.Ordinal))
                ?? throw new CliException($"no service consumes '{named}'; see `platform ops queues`")]
            : Consumers;
        var all = new List<Answer<OpsApi.ServiceRedriven>>();
        foreach (var s in services)
        {
            all.Add(await client.PostAsync<OpsApi.ServiceRedriven>(
                $"/api/v1/ops/{s}/queues:redrive", new { queue }, call.CancellationToken));
        }

        Write(call, Services(all), () => TextTable.Render(
            ["service", "queue", "moved back"],
            all.Select(a => a.Value).SelectMany(s => s.Moved.Select(q => (IReadOnlyList<string>)
            [
                s.Service, q.Queue, $"{q.Moved}",
            ]))));
    }

    private static async Task ReplayAsync(OnlineCall call, GatewayClient client, string? service, string? tenant)
    {
        if (service is not ("tasks" or "units"))
        {
            throw new CliException("replay needs the service whose state is published again: tasks or units");
        }

        var result = await client.PostAsync<OpsApi.Replay>(
            $"/api/v1/ops/{service}:replay", new { tenant }, call.CancellationToken);
        Write(call, result.Json, () => string.Join(
            Environment.NewLine,
            result.Value.Replayed.Select(p => $"{p.Key}: {p.Value} published again")) + Environment.NewLine);
    }

    /// <summary>The services' answers as one JSON array, as --json prints them.</summary>
    private static JsonArray Services<T>(IEnumerable<Answer<T>> answers) => new([.. answers.Select(a => a.Json)]);

    /// <summary>The answer's JSON, or the text as it is (a table ends its own last line).</summary>
    private static void Write(OnlineCall call, JsonNode json, Func<string> text) =>
        call.Output.Write(call.Json ? ApiJson.Indented(json) + Environment.NewLine : text());
}
