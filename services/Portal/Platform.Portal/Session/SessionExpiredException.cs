namespace Platform.Portal.Session;

/// <summary>The sign-in ended (refresh refused or the platform no longer accepts the token): sign in again.</summary>
public sealed class SessionExpiredException(string message) : Exception(message);
