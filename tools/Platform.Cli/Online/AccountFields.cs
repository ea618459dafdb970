namespace Platform.Cli.Online;

/// <summary>The fields of an account a command sets; null (or no roles) leaves a field as it is.</summary>
public sealed record AccountFields(
    string? DisplayName, IReadOnlyList<string> Roles, string? UnitId, string? Email, string? Mobile);
