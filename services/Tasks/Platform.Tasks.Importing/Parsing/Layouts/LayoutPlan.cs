namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// What the document is made of, decided once before it is read: where task tables start (a header row naming 序号 /
/// 事项 / 牵头单位 …, joined by `|`, in a Word table, or one cell per line) and which numbering styles are tasks and
/// categories. The style with the most items is the task level (ties go to the deeper style), the nearest style above
/// it the category level, styles above that sections; with task tables, numbered paragraphs are tasks only when most of
/// the deepest name their units, and otherwise name categories.
/// </summary>
internal sealed class LayoutPlan
{
    private LayoutPlan()
    {
    }

    /// <summary>Header roles by the index of a header block (pipe or Word row).</summary>
    public Dictionary<int, ColumnRole[]> RowHeaders { get; } = [];

    /// <summary>A header flattened one cell per line: index of its first block → (roles, block count).</summary>
    public Dictionary<int, (ColumnRole[] Roles, int Count)> CellHeaders { get; } = [];

    public NumberingStyle? TaskStyle { get; private set; }

    public NumberingStyle? CategoryStyle { get; private set; }

    public static LayoutPlan Make(IReadOnlyList<Block> lines, int start)
    {
        var plan = new LayoutPlan();
        plan.FindTables(lines, start);
        (plan.TaskStyle, plan.CategoryStyle) = plan.DecideLevels(lines, start);
        return plan;
    }

    private void FindTables(IReadOnlyList<Block> lines, int start)
    {
        var tables = this;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var cells = line.CellsNorm ?? (line.Norm.Contains('|') ? RowTable.SplitPipeRow(line).Norm : null);
            if (cells is not null)
            {
                if (TableColumns.MatchHeader(cells) is { } roles)
                {
                    tables.RowHeaders[i] = roles;
                }

                continue;
            }

            if (!TableColumns.IsHeaderCell(line.TrimmedNorm))
            {
                continue;
            }

            var run = new List<ColumnRole>();
            var j = i;
            var count = 0;
            while (j < lines.Count
                && (lines[j].IsBlank || (lines[j].Cells is null && TableColumns.IsHeaderCell(lines[j].TrimmedNorm))))
            {
                if (!lines[j].IsBlank)
                {
                    run.Add(TableColumns.RoleOf(lines[j].TrimmedNorm));
                }

                j++;
                count = j - i;
            }

            if (run.Count >= 3 && run.Contains(ColumnRole.Text) && run.Contains(ColumnRole.Number))
            {
                tables.CellHeaders[i] = (TableColumns.Refine([.. run]), count);
                i = j - 1;
            }
        }

    }

    private (NumberingStyle? Task, NumberingStyle? Category) DecideLevels(IReadOnlyList<Block> lines, int start)
    {
        var counts = new Dictionary<NumberingStyle, int>();
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsBlank && line.Cells is null && !line.Norm.Contains('|') && line.Numbering is { } m)
            {
                counts[m.Style] = counts.GetValueOrDefault(m.Style) + 1;
            }
        }

        if (RowHeaders.Count > 0 || CellHeaders.Count > 0)
        {
            // Table rows are tasks. Numbered paragraphs are tasks too when most of the deepest ones name their units
            // (a list of bracketed tasks followed by a table); otherwise the deepest paragraph numbering names
            // categories.
            if (counts.Count > 0 && DeepestItemsNameUnits(lines, start, counts.Keys.Max()))
            {
                var deepest = counts.Keys.Max();
                var headings = counts.Keys.Where(s => s < deepest).ToList();
                return (deepest, headings.Count > 0 ? headings.Max() : null);
            }

            return (null, counts.Count > 0 ? counts.Keys.Max() : null);
        }

        if (counts.Count == 0)
        {
            return (null, null);
        }

        var taskStyle = counts.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key).First().Key;
        var above = counts.Keys.Where(s => s < taskStyle).ToList();
        return (taskStyle, above.Count > 0 ? above.Max() : null);
    }

    private static bool DeepestItemsNameUnits(IReadOnlyList<Block> lines, int start, NumberingStyle style)
    {
        var items = lines.Skip(start)
            .Where(l => !l.IsBlank
                && l.Cells is null
                && !l.Norm.Contains('|')
                && l.Numbering is { } m
                && m.Style == style)
            .ToList();
        var naming = items.Count(l => l.Norm.Contains("牵头") || l.Norm.Contains("责任单位") || l.Norm.Contains("负责"));
        return items.Count > 0 && naming * 2 >= items.Count;
    }
}
