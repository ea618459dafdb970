namespace Platform.ServiceDefaults.Errors;

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
