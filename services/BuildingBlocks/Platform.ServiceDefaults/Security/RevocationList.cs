namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The body of <c>GET /connect/revocations</c>: accounts whose tokens were revoked, districts suspended, and sign-in
/// sessions their owners ended (the tokens' <c>sid</c>).
/// </summary>
public sealed record RevocationList(
    DateTimeOffset IssuedAt, IReadOnlyList<RevokedAccount> Revoked, IReadOnlyList<string>? SuspendedTenants = null,
    IReadOnlyList<string>? EndedSessions = null);
