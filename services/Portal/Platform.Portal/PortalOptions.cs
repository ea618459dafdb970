namespace Platform.Portal;

/// <summary>Where the portal finds the platform, and how it keeps a sign-in.</summary>
/// <param name="RefreshBefore">How long before the access token expires the portal refreshes it.</param>
/// <param name="MinPasswordLength">
/// The shortest password the units service takes (<c>Identity:MinPasswordLength</c>, as there).
/// </param>
public sealed record PortalOptions(
    Uri GatewayHttp, Uri GatewayGrpc, TimeSpan SessionIdle, TimeSpan RefreshBefore, int MinPasswordLength);
