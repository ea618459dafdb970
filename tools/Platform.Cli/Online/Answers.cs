using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Cli.Online.Api;

namespace Platform.Cli.Online;

/// <summary>Printing the gateway's answers as text, or as the JSON they came as (--json).</summary>
internal static class Answers
{
    /// <summary>One answer: its JSON, or the text made of its record, followed by a line end.</summary>
    public static void Print<T>(OnlineCall call, Answer<T> answer, Func<T, string> text) =>
        call.Output.WriteLine(call.Json ? ApiJson.Indented(answer.Json) : text(answer.Value));

    /// <summary>An action on a record (`…/{id}:disable`): posted without a body, its answer printed.</summary>
    public static async Task ActAsync<T>(OnlineCall call, GatewayClient client, string path, Func<T, string> text) =>
        Print(call, await client.PostAsync<T>(path, new { }, call.CancellationToken), text);

    /// <summary>With --json, prints the answer and says so; the command then prints nothing else.</summary>
    public static bool PrintedAsJson(OnlineCall call, JsonNode json)
    {
        if (call.Json)
        {
            call.Output.WriteLine(ApiJson.Indented(json));
        }

        return call.Json;
    }

    /// <summary>
    /// What a command names (an account, a unit): its id as given, or the id <paramref name="byName"/> finds.
    /// </summary>
    public static async Task<string> ResolveAsync(string? target, string missing, Func<string, Task<string>> byName)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CliException(missing);
        }

        return Guid.TryParse(target, out _) ? target : await byName(target);
    }

    /// <summary>
    /// An audit (of the accounts or the units): when, whose record, what, by whom, and what it changed.
    /// </summary>
    public static async Task PrintAuditAsync(
        OnlineCall call, GatewayClient client, string path, string whose, Func<AccountsApi.AuditEntry, string> name)
    {
        var audit = await client.GetAsync<AccountsApi.Audit>(path, call.CancellationToken);
        Print(call, audit, a => TextTable.Render(
            ["时间 at", whose, "操作 action", "操作人 by", "变更 change"],
            a.Entries.Select(e => (IReadOnlyList<string>)
            [
                LocalTime(e.At), name(e), e.Action, e.Actor, Difference(e.Before, e.After),
            ]),
            maxCell: 80));
    }

    /// <summary>The words, joined by "、", leaving out the empty ones.</summary>
    public static string Join(IEnumerable<string> words) =>
        string.Join("、", words.Where(w => !string.IsNullOrEmpty(w)));

    /// <summary>A timestamp of an answer in Beijing time, "2023-07-31 09:00:00".</summary>
    public static string LocalTime(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)
            .ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The fields an audit entry changed, "field: before → after" (the whole record for a new one).</summary>
    public static string Difference(string before, string after)
    {
        if (before.Length == 0)
        {
            return after;
        }

        // The audit keeps each version as a JSON text of whatever the record held: compared field by field.
        var old = JsonNode.Parse(before)!.AsObject();
        var now = JsonNode.Parse(after)!.AsObject();
        return string.Join("; ", now.Where(p => !JsonNode.DeepEquals(p.Value, old[p.Key]))
            .Select(p => $"{p.Key}: {old[p.Key]?.ToJsonString() ?? "null"} → {p.Value?.ToJsonString() ?? "null"}"));
    }
}
