namespace Platform.ServiceDefaults.Errors;

/// <summary>Domain failures that the transport turns into gRPC status codes (and REST into HTTP statuses).</summary>
public abstract class PlatformException(string message) : Exception(message);

/// <summary>Bad input; names the field. InvalidArgument / 400.</summary>
public sealed class ValidationException(string field, string message) : PlatformException($"{field}: {message}")
{
    public string Field { get; } = field;
}

/// <summary>Absent, or belongs to another tenant (which is never revealed). NotFound / 404.</summary>
public sealed class NotFoundException : PlatformException
{
    public NotFoundException(string kind, string id)
        : base($"{kind} '{id}' was not found.")
    {
    }

    private NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Another service's not-found, passed on in its own words: its message already names what was missing, and
    /// wrapping it again would read "unit 'unit '…' was not found.' was not found.".
    /// </summary>
    public static NotFoundException Relayed(string message) => new(message);
}

/// <summary>A name or key already taken. AlreadyExists / 409.</summary>
public sealed class ConflictException(string message) : PlatformException(message);

/// <summary>Allowed to see it, not allowed to do this. PermissionDenied / 403.</summary>
public sealed class ForbiddenException(string message) : PlatformException(message);

/// <summary>The object is in the wrong state for the operation. FailedPrecondition / 400 (REST) with the state named.</summary>
public sealed class PreconditionException(string message) : PlatformException(message);
