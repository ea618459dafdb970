namespace Platform.ServiceDefaults.Errors;

/// <summary>Domain failures that the transport turns into gRPC status codes (and REST into HTTP statuses).</summary>
public abstract class PlatformException(string message) : Exception(message);
