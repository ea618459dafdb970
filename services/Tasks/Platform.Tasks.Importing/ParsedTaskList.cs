using System.Text.Json.Serialization;

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

public sealed record ReportingRule
{
    /// <summary>"monthly", "quarterly", …</summary>
    public required string Cadence { get; init; }

    /// <summary>"month-end", or the day as printed.</summary>
    public required string DueRule { get; init; }

    public string? ReportTo { get; init; }

    public string? SourceText { get; init; }
}

public sealed record Contact
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}

public sealed record ParsedCategory
{
    /// <summary>As printed without punctuation: "（一）" → "一".</summary>
    public required string Number { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> LeadUnits { get; init; } = [];

    public IReadOnlyList<string> ResponsibleUnits { get; init; } = [];

    /// <summary>People named for the category (责任领导：张三): never units.</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];

    /// <summary>Canonical indicators suggested by rule (NDRC 18 names and B-READY topics).</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];
}

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

[JsonConverter(typeof(JsonStringEnumConverter<TargetDirection>))]
public enum TargetDirection
{
    Decrease,
    Increase,
    Reach,
    Keep,
    AtMost,
    AtLeast,
}

public sealed record ParsedTarget
{
    /// <summary>The phrase as printed, e.g. "由50个工作日压减至45个工作日".</summary>
    public required string Text { get; init; }

    /// <summary>The target value; for a range the upper bound (see <see cref="ValueMin"/>); null for a grade.</summary>
    public decimal? Value { get; init; }

    /// <summary>The lower bound of a range ("1-2家" → 1), else null.</summary>
    public decimal? ValueMin { get; init; }

    /// <summary>"个工作日", "天", "%", "家", "亿元", "万平方米", "户", "项", "个", or a grade like "II类".</summary>
    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public required TargetDirection Direction { get; init; }

    /// <summary>For a grade target ("II类标准"), the grade as printed.</summary>
    public string? Grade { get; init; }

    /// <summary>What is measured, when the text names it ("全流程办理时限", "高新技术企业").</summary>
    public string? Metric { get; init; }

    /// <summary>The deadline named in the target's sentence ("2023年年底前，…达208家" → 2023-12-31), else null.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>That deadline phrase as printed.</summary>
    public string? DeadlineText { get; init; }
}

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
