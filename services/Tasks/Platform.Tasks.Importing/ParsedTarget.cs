namespace Platform.Tasks.Importing;

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
