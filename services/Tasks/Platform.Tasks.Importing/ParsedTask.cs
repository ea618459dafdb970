namespace Platform.Tasks.Importing;

public sealed record ParsedTask
{
    public required string Number { get; init; }

    /// <summary>The category's title, or null for a task outside any category.</summary>
    public string? Category { get; init; }

    /// <summary>
    /// The task as printed, lines joined, without its number and its unit annotations (which are in the unit lists); a
    /// table row's extra columns are appended as "（表头：值）".
    /// </summary>
    public required string Text { get; init; }

    /// <summary>
    /// The higher level's task this one carries out, as printed, when the document gives it (a two-level table's
    /// 上级部署任务 column); else null.
    /// </summary>
    public string? Context { get; init; }

    public IReadOnlyList<string> LeadUnits { get; init; } = [];

    public IReadOnlyList<string> ResponsibleUnits { get; init; } = [];

    /// <summary>People named for the task (责任领导：张三), the category's when the task names none: never units.</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];

    public DateOnly? Deadline { get; init; }

    public string? DeadlineText { get; init; }

    public IReadOnlyList<ParsedTarget> Targets { get; init; } = [];

    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>1-based line of the task's first line in the source text (for warnings and review).</summary>
    public int SourceLine { get; init; }
}
