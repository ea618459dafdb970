using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online;

/// <summary>Reading the gateway's JSON answers and printing them as text or as JSON (--json).</summary>
internal static class Answers
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<JsonNode> Items(JsonNode? node, string name) => node?[name] is JsonArray items ? items.OfType<JsonNode>() : [];

    public static string Text(JsonNode? node, string name) => node?[name] is JsonValue value ? value.ToString() : string.Empty;

    public static void Print(TextWriter output, bool json, JsonNode answer, Func<string> text) =>
        output.WriteLine(json ? answer.ToJsonString(Pretty) : text());

    /// <summary>A timestamp of an answer in Beijing time, "2023-07-31 09:00:00".</summary>
    public static string LocalTime(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The fields an audit entry changed, "field: before → after" (the whole record for a new one).</summary>
    public static string Difference(string before, string after)
    {
        if (before.Length == 0)
        {
            return after;
        }

        var old = JsonNode.Parse(before)!.AsObject();
        var now = JsonNode.Parse(after)!.AsObject();
        return string.Join("; ", now.Where(p => !JsonNode.DeepEquals(p.Value, old[p.Key]))
            .Select(p => $"{p.Key}: {old[p.Key]?.ToJsonString() ?? "null"} → {p.Value?.ToJsonString() ?? "null"}"));
    }
}
