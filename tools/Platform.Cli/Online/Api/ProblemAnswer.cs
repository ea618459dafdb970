using System.Text.Json.Serialization;

namespace Platform.Cli.Online.Api;

/// <summary>A refusal: a problem-details body (detail) or an OAuth error (error_description).</summary>
internal sealed record ProblemAnswer(
    string? Detail, [property: JsonPropertyName("error_description")] string? ErrorDescription);
