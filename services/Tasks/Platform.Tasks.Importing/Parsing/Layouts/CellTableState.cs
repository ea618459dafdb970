namespace Platform.Tasks.Importing.Parsing;

/// <summary>A table flattened one cell per line: the cells gathered before and after the row's number.</summary>
internal sealed class CellTableState(ColumnRole[] roles, string[] headers)
{
    public ColumnRole[] Roles { get; } = roles;

    public string[] Headers { get; } = headers;

    public int NumberColumn { get; } = Array.IndexOf(roles, ColumnRole.Number);

    public List<Block> Before { get; } = [];

    public Block? Anchor { get; set; }

    public List<Block> After { get; } = [];

    public int? LastNumber { get; set; }

    public TableState Table { get; } = new(roles, headers, null);

    public int AfterCount => Roles.Length - NumberColumn - 1;
}

