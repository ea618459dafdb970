using System.Text.Json.Serialization;

namespace Platform.Cli.Online.Api;

/// <summary>The token endpoint's answer (OAuth names).</summary>
internal sealed record TokenAnswer(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
