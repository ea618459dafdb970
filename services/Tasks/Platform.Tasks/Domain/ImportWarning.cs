namespace Platform.Tasks.Domain;

public sealed record ImportWarning
{
    public required string Code { get; init; }

    public required string Message { get; init; }

    public int? Line { get; init; }

    public string? SourceText { get; init; }
}
