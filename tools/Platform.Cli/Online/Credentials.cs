namespace Platform.Cli.Online;

public sealed record Credentials(string Gateway, string Username, string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);
