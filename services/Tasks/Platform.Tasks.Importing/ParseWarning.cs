namespace Platform.Tasks.Importing;

/// <summary>Something the importer could not classify or is unsure of, with the line it comes from.</summary>
public sealed record ParseWarning
{
    /// <summary>
    /// "unplaced-numbered-line", "unparsed-units" (a bracket or line naming units that could not be read; kept in the
    /// text), "unplaced-units", "unit-name-unsure", "task-without-lead", "task-without-text", "numbering-gap",
    /// "category-without-tasks", "deadline-not-understood", "deadline-without-year", "table-row-shape",
    /// "table-row-unplaced", "table-extra-cells".
    /// </summary>
    public required string Code { get; init; }

    public required string Message { get; init; }

    /// <summary>1-based line in the document's text (a .docx paragraph or table row, a rebuilt .pdf line).</summary>
    public int? Line { get; init; }

    /// <summary>The text concerned, as printed.</summary>
    public string? SourceText { get; init; }
}
