namespace Platform.ServiceDefaults.Errors;

/// <summary>A name or key already taken. AlreadyExists / 409.</summary>
public sealed class ConflictException(string message) : PlatformException(message);
