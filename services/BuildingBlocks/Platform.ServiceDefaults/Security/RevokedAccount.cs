namespace Platform.ServiceDefaults.Security;

/// <param name="Sub">The account id (the tokens' <c>sub</c>).</param>
/// <param name="ValidAfter">Unix seconds: tokens issued in an earlier second are refused.</param>
public sealed record RevokedAccount(string Sub, long ValidAfter);
