namespace Platform.Units.Identity;

public sealed record IssuedToken(string AccessToken, int ExpiresIn, string Scope);
