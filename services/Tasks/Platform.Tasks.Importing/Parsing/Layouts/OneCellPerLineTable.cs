using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A task table flattened one cell per line, as text copied out of a PDF or a Word table arrives: the header's cells
/// each on a line (序号 / 重点工作 / 责任单位 …), then each row's number alone on a line followed by its cells. A row
/// that lost a cell gets it back where its other cells fit (<see cref="CellAlignment"/>); a category heading between
/// rows keeps the table open; anything else ends it.
/// </summary>
internal sealed class OneCellPerLineTable(IReadOnlyList<Block> lines, LayoutPlan plan, ListBuilder list) : ILayout
{
    private CellTableState? cellTable;

    public bool StartsAt(int index) => plan.CellHeaders.ContainsKey(index);

    public int Start(int index)
    {
        var header = plan.CellHeaders[index];
        var headerLines = Enumerable.Range(index, header.Count).Where(k => !lines[k].IsBlank).ToList();
        cellTable = new CellTableState(header.Roles, [.. headerLines.Select(k => lines[k].Trimmed)]);
        list.AddOther(lines[index].Number, string.Join(" ", headerLines.Select(k => lines[k].Trimmed)));
        return index + header.Count - 1;
    }

    public void End()
    {
        FlushRow();
        cellTable = null;
    }

    public bool Read(int index)
    {
        if (cellTable is not { } table)
        {
            return false;
        }

        var line = lines[index];
        var norm = line.TrimmedNorm;
        if (Regex.IsMatch(norm, @"^\d{1,3}\.?$"))
        {
            var value = int.Parse(norm.TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
            if (table.LastNumber is null || value == table.LastNumber + 1 || value == 1)
            {
                FlushRow();
                table.Anchor = line;
                table.LastNumber = value;
                return true;
            }
        }

        var beforeCount = table.NumberColumn;
        if (table.Anchor is null)
        {
            if (table.Before.Count < beforeCount && line.Numbering is null)
            {
                table.Before.Add(line);
                return true;
            }

            return HeadingBetweenRows(line);
        }

        var categoryPosition = Array.IndexOf(table.Roles, ColumnRole.Category) - table.NumberColumn - 1;
        var isHeading = line.Numbering is { Style: NumberingStyle.ChineseComma or NumberingStyle.ChineseParen };
        if (table.After.Count < table.AfterCount && (!isHeading || table.After.Count == categoryPosition))
        {
            if (!NumberedParagraphs.IsClosingLine(norm))
            {
                table.After.Add(line);
                return true;
            }
        }

        if (table.Before.Count < beforeCount && !isHeading && !NumberedParagraphs.IsClosingLine(norm))
        {
            table.Before.Add(line);
            return true;
        }

        FlushRow();
        return HeadingBetweenRows(line);
    }

    /// <summary>A category heading between flattened rows keeps the table open; anything else ends it.</summary>
    private bool HeadingBetweenRows(Block line)
    {
        if (line.Numbering is { Style: NumberingStyle.ChineseComma or NumberingStyle.ChineseParen } m)
        {
            list.CloseTask();
            list.CloseCategory();
            list.StartCategory(line, m.Printed, line.Trimmed[m.Length..], line.TrimmedNorm[m.Length..]);
            return true;
        }

        cellTable = null;
        return false;
    }

    private void FlushRow()
    {
        if (cellTable is not { } table)
        {
            return;
        }

        if (table.Anchor is null)
        {
            foreach (var leftover in table.Before)
            {
                list.Warn("table-extra-cells", "表格末尾多出的单元格 (cell left over after the last row)", leftover);
            }

            table.Before.Clear();
            return;
        }

        var cells = new List<Block?>();
        var before = table.Before.Count == table.NumberColumn ? table.Before.Cast<Block?>().ToList()
            : [.. Enumerable.Repeat<Block?>(null, table.NumberColumn)];
        if (table.Before.Count != table.NumberColumn && table.Before.Count > 0)
        {
            // Fewer cells than columns before the number: the spanning (category) cell is the one given.
            var categoryIndex = Array.IndexOf(table.Roles, ColumnRole.Category);
            if (categoryIndex >= 0 && categoryIndex < table.NumberColumn)
            {
                before[categoryIndex] = table.Before[0];
            }
        }

        cells.AddRange(before);
        cells.Add(table.Anchor);
        var after = table.After.Cast<Block?>().ToList();
        if (after.Count < table.AfterCount)
        {
            var categoryIndex = Array.IndexOf(table.Roles, ColumnRole.Category) - table.NumberColumn - 1;
            var afterRoles = table.Roles[(table.NumberColumn + 1)..];
            if (categoryIndex >= 0 && after.Count == table.AfterCount - 1)
            {
                after.Insert(categoryIndex, null);
            }
            else if (CellAlignment.Align(
                [.. after.Select(a => a!.Trimmed)],
                [.. after.Select(a => a!.TrimmedNorm)],
                afterRoles) is { } aligned)
            {
                list.Warn(
                    "table-row-shape",
                    "表格行缺少单元格，已按内容补齐空单元格，请核对 (row has fewer cells than the header: empty cells put back by content)",
                    table.Anchor);
                var queue = new Queue<Block?>(after);
                after = [.. aligned.Norm.Select(n => n.Length == 0 ? null : queue.Dequeue())];
            }
            else
            {
                list.Warn("table-row-shape", "表格行缺少单元格 (row has fewer cells than the header)", table.Anchor);
                while (after.Count < table.AfterCount)
                {
                    after.Add(null);
                }
            }
        }

        cells.AddRange(after);
        var printed = cells.Select(c => c?.Trimmed ?? "").ToArray();
        var norm = cells.Select(c => c?.TrimmedNorm ?? "").ToArray();
        var anchor = table.Anchor;
        table.Before.Clear();
        table.After.Clear();
        table.Anchor = null;
        TableRows.Read(anchor, printed, norm, table.Table, list);
    }
}
