using System.Text.Json.Serialization;

namespace Platform.Tasks.Importing;

[JsonConverter(typeof(JsonStringEnumConverter<TargetDirection>))]
public enum TargetDirection
{
    Decrease,
    Increase,
    Reach,
    Keep,
    AtMost,
    AtLeast,
}
