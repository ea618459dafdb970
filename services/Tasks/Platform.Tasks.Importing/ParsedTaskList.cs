namespace Platform.Tasks.Importing;

/// <summary>
/// What the importer recognised in one official document (DESIGN §7 schema). Unit names are as printed; resolution
/// against a tenant's directory happens at import into the tasks service.
/// </summary>
public sealed record ParsedTaskList
{
    public required Notice Notice { get; init; }

    public IReadOnlyList<ParsedCategory> Categories { get; init; } = [];

    public IReadOnlyList<ParsedTask> Tasks { get; init; } = [];

    /// <summary>Everything not classified, with the source line; nothing of the source is dropped silently.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>Source paragraphs that are neither notice fields nor tasks (preamble, goals), kept verbatim.</summary>
    public IReadOnlyList<string> OtherText { get; init; } = [];
}
