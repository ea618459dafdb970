namespace Platform.Cli.Online;

/// <summary>A sign-in as kept for the next commands: the gateway it is for, and its tokens.</summary>
public sealed record Credentials(
    string Gateway, string Username, string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);
