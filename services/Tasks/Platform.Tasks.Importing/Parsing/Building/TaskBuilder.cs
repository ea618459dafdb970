namespace Platform.Tasks.Importing.Parsing;

/// <summary>A task while its lines, cells and annotations are gathered.</summary>
internal sealed class TaskBuilder(string number, CategoryBuilder? category, int line)
{
    public string Number { get; } = number;

    public CategoryBuilder? Category { get; } = category;

    public int Line { get; } = line;

    public string Text { get; private set; } = "";

    public List<UnitAnnotation> Annotations { get; } = [];

    /// <summary>A table row's other columns, "表头：值", appended to the text.</summary>
    public List<string> Extra { get; } = [];

    public (string Norm, string Printed)? DeadlineCell { get; set; }

    public string? Context { get; init; }

    public ParsedTask? Built { get; set; }

    public void Append(string text) => Text = TextNormalizer.JoinContinuation(Text, text.Trim());
}
