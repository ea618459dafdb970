using System.Text.Json;

namespace Platform.Messaging;

internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
