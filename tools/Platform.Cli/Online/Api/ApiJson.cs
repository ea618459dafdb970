using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online.Api;

/// <summary>How the gateway's JSON is read into the answer records and printed for scripts.</summary>
internal static class ApiJson
{
    /// <summary>camelCase names; 64-bit numbers come as strings in the gateway's protobuf JSON.</summary>
    public static readonly JsonSerializerOptions Read = JsonSerializerOptions.Web;

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static T To<T>(JsonNode json) =>
        json.Deserialize<T>(Read) ?? throw new CliException("the gateway's answer is empty");

    public static string Indented(JsonNode json) => json.ToJsonString(Pretty);
}
