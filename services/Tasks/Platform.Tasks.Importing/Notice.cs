namespace Platform.Tasks.Importing;

public sealed record Notice
{
    public string? DocNumber { get; init; }

    public string? Issuer { get; init; }

    /// <summary>ISO date (yyyy-MM-dd).</summary>
    public DateOnly? IssuedOn { get; init; }

    public string? Title { get; init; }

    public ReportingRule? Reporting { get; init; }

    public Contact? Contact { get; init; }
}
