using System.Text.Json.Nodes;

namespace Platform.Cli.Online;

/// <summary>
/// A gateway answer read into its record, with the JSON it came as: `--json` prints that JSON unchanged.
/// </summary>
public sealed record Answer<T>(T Value, JsonNode Json);
