using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Tasks.Importing;

namespace Platform.Cli.Output;

/// <summary>The DESIGN §7 JSON: camelCase, indented, Chinese unescaped.</summary>
public static class ParseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ParsedTaskList parsed) => JsonSerializer.Serialize(parsed, Options);
}
