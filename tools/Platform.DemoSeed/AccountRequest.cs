using System.Text.Json.Serialization;

/// <summary>
/// A demo account as the seed creates it: everyone's password is the seed's, and a unit is given by its id.
/// </summary>
internal sealed record AccountRequest(
    string Username,
    string DisplayName,
    string TenantId,
    IReadOnlyList<string> Roles,
    string Password,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitId = null);
