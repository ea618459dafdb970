using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Chaos;

/// <summary>
/// The answer to one call: 2xx or not, and whether the request surely did nothing (refused before any change).
/// </summary>
public sealed record Outcome(bool Acknowledged, bool Refused, int Status, JsonNode? Body, string Detail)
{
    public override string ToString() => Acknowledged
        ? $"{Status}"
        : $"{(Status == 0 ? "no answer" : Status.ToString(CultureInfo.InvariantCulture))} {Detail}";
}
