namespace Platform.ServiceDefaults.Errors;

/// <summary>Allowed to see it, not allowed to do this. PermissionDenied / 403.</summary>
public sealed class ForbiddenException(string message) : PlatformException(message);
