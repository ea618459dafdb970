namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A task table whose rows reach the parser whole: joined by `|` ("1 | 事项 | 区财政局 | 年底前"), framed or not, or as a
/// Word table's rows. The header names the columns (<see cref="TableColumns"/>); a row that lost a cell gets it back
/// where its other cells fit (<see cref="CellAlignment"/>); each row is read by <see cref="TableRows"/>.
/// </summary>
internal sealed class RowTable(IReadOnlyList<Block> lines, LayoutPlan plan, ListBuilder list) : ILayout
{
    private TableState? table;

    public bool StartsAt(int index) => plan.RowHeaders.ContainsKey(index);

    public int Start(int index)
    {
        var roles = plan.RowHeaders[index];
        var line = lines[index];
        var headers = line.CellsPrinted ?? SplitPipeRow(line).Printed;
        table = new TableState(roles, [.. headers.Select(h => h.Trim())], line.TableId)
        {
            OuterPipes = line.CellsPrinted is null
                && line.TrimmedNorm.StartsWith('|')
                && line.TrimmedNorm.EndsWith('|'),
        };
        list.AddOther(line.Number, line.Trimmed);
        return index;
    }

    public bool Read(int index)
    {
        var line = lines[index];
        var continuesTable = table is not null
            && (line.Cells is not null
                ? line.TableId == table.TableId || table.TableId is null
                : line.Norm.Contains('|'));
        if (table is null || !continuesTable)
        {
            return false;
        }

        var (printed, norm) = line.CellsPrinted is not null
            ? (line.CellsPrinted, line.CellsNorm!)
            : SplitPipeRow(line, table.Roles.Length, table.OuterPipes);
        if (norm.Length == table.Roles.Length)
        {
            TableRows.Read(line, printed, norm, table, list);
        }
        else if (CellAlignment.Align(printed, norm, table.Roles) is { } aligned)
        {
            list.Warn(
                "table-row-shape",
                $"表格行有 {norm.Length} 列，表头有 {table.Roles.Length} 列，已按内容补齐空单元格，请核对 (row has {norm.Length} cells, header "
                + $"{table.Roles.Length}: empty cells put back by content)",
                line);
            TableRows.Read(line, aligned.Printed, aligned.Norm, table, list);
        }
        else
        {
            list.Warn(
                "table-row-shape",
                $"表格行有 {norm.Length} 列，表头有 {table.Roles.Length} 列 (row has {norm.Length} cells, header "
                + $"{table.Roles.Length})",
                line);
        }

        return true;
    }

    public void End() => table = null;

    /// <summary>
    /// Splits a pipe row of the printed text at the same places as its normalised form; an outer pipe ("|a|b|") opens
    /// or closes the row when that leaves as many cells as the header has.
    /// </summary>
    public static (string[] Printed, string[] Norm) SplitPipeRow(
        Block line,
        int? columns = null,
        bool outerPipes = false)
    {
        var norm = line.TrimmedNorm;
        var printed = line.Trimmed;
        var p = new List<string>();
        var n = new List<string>();
        var from = 0;
        for (var i = 0; i <= norm.Length; i++)
        {
            if (i == norm.Length || norm[i] == '|')
            {
                p.Add(printed[from..i]);
                n.Add(norm[from..i]);
                from = i + 1;
            }
        }

        var target = columns ?? n.Count - (norm.StartsWith('|') ? 1 : 0) - (norm.EndsWith('|') ? 1 : 0);
        // A table whose header is framed ("| 序号 | … |") frames its rows too, whatever their cell count.
        if ((n.Count > target || outerPipes) && norm.StartsWith('|') && n[0].Trim().Length == 0)
        {
            p.RemoveAt(0);
            n.RemoveAt(0);
        }

        if ((n.Count > target || outerPipes) && norm.EndsWith('|') && n.Count > 1 && n[^1].Trim().Length == 0)
        {
            p.RemoveAt(p.Count - 1);
            n.RemoveAt(n.Count - 1);
        }

        return ([.. p], [.. n]);
    }
}
