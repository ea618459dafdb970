namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A task table being read: its columns, the category and context cells spanning rows, the numbering so far.
/// </summary>
internal sealed class TableState(ColumnRole[] roles, string[] headers, int? tableId)
{
    public ColumnRole[] Roles { get; } = roles;

    public string[] Headers { get; } = headers;

    public int? TableId { get; } = tableId;

    public string? CategoryCell { get; set; }

    /// <summary>Whether the header row is framed by pipes ("| 序号 | … |"), and so its rows.</summary>
    public bool OuterPipes { get; init; }

    /// <summary>The last context cell (上级部署任务): it spans the rows of its measures.</summary>
    public string? ContextCell { get; set; }

    public int? LastNumber { get; set; }

    public int AutoNumber { get; set; }
}
