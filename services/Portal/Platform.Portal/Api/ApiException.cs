namespace Platform.Portal.Api;

/// <summary>A call the platform refused or could not answer, with the reason in words for the person.</summary>
public sealed class ApiException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
