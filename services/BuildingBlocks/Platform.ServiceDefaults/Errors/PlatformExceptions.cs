namespace Platform.ServiceDefaults.Errors;

/// <summary>Domain failures that the transport turns into gRPC status codes (and REST into HTTP statuses).</summary>
public abstract class PlatformException(string message) : Exception(message);

/// <summary>Bad input; names the field. InvalidArgument / 400.</summary>
public sealed class ValidationException(string field, string message) : PlatformException($"{field}: {message}")
{
    public string Field { get; } = field;
}

/// <summary>Absent, or belongs to another tenant (which is never revealed). NotFound / 404.</summary>
public sealed class NotFoundException(string kind, string id) : PlatformException($"{kind} '{id}' was not found.");

/// <summary>A name or key already taken. AlreadyExists / 409.</summary>
public sealed class ConflictException(string message) : PlatformException(message);

/// <summary>Allowed to see it, not allowed to do this. PermissionDenied / 403.</summary>
public sealed class ForbiddenException(string message) : PlatformException(message);

/// <summary>The object is in the wrong state for the operation. FailedPrecondition / 400 (REST) with the state named.</summary>
public sealed class PreconditionException(string message) : PlatformException(message);
