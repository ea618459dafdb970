namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The object is in the wrong state for the operation. FailedPrecondition / 400 (REST) with the state named.
/// </summary>
public sealed class PreconditionException(string message) : PlatformException(message);
