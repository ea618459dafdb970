using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online.Api;

/// <summary>The claims of an access token the sign-in prints: the district, and one role or several.</summary>
internal sealed record TokenClaims(JsonElement Tenant, JsonElement Role)
{
    /// <summary>The claims of a JWT's payload (base64url JSON).</summary>
    public static TokenClaims Of(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonSerializer.Deserialize<TokenClaims>(Convert.FromBase64String(payload), ApiJson.Read)
            ?? throw new CliException("the access token carries no claims");
    }

    /// <summary>The roles as the sign-in prints them, "a, b".</summary>
    public string? Roles => Role.ValueKind == JsonValueKind.Array
        ? string.Join(", ", Role.EnumerateArray().Select(r => r.GetString()))
        : Role.ValueKind == JsonValueKind.String ? Role.GetString() : null;

    /// <summary>A claim as the token has it (a string, or an array of them), for --json.</summary>
    public static JsonNode? Node(JsonElement claim) =>
        claim.ValueKind == JsonValueKind.Undefined ? null : JsonSerializer.SerializeToNode(claim);

    /// <summary>The district as the sign-in prints it.</summary>
    public string TenantText => Tenant.ValueKind == JsonValueKind.Undefined ? string.Empty : Tenant.ToString();
}
