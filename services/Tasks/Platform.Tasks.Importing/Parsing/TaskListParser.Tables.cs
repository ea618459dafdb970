using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>Task tables: header detection, `|`-joined and Word rows, rows flattened one cell per line.</summary>
internal sealed partial class TaskListParser
{
    private sealed class Tables
    {
        /// <summary>Header roles by the index of a header line (pipe or Word table).</summary>
        public Dictionary<int, ColumnRole[]> RowHeaders { get; } = [];

        /// <summary>A header flattened one cell per line: index of its first line → (roles, line count).</summary>
        public Dictionary<int, (ColumnRole[] Roles, int Count)> CellHeaders { get; } = [];

        public bool Any => RowHeaders.Count > 0 || CellHeaders.Count > 0;
    }

    private Tables FindTables(int start)
    {
        var tables = new Tables();
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var cells = line.CellsNorm ?? (line.Norm.Contains('|') ? SplitPipeRow(line).Norm : null);
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
            while (j < lines.Count && (lines[j].IsBlank || (lines[j].Cells is null && TableColumns.IsHeaderCell(lines[j].TrimmedNorm))))
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

        return tables;
    }

    /// <summary>
    /// Splits a pipe row of the printed text at the same places as its normalised form; an outer pipe ("|a|b|") opens or
    /// closes the row when that leaves as many cells as the header has.
    /// </summary>
    private static (string[] Printed, string[] Norm) SplitPipeRow(Line line, int? columns = null, bool outerPipes = false)
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



    private bool CellTableLine(Line line)
    {
        var table = cellTable!;
        var norm = line.TrimmedNorm;
        if (Regex.IsMatch(norm, @"^\d{1,3}\.?$"))
        {
            var value = int.Parse(norm.TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
            if (table.LastNumber is null || value == table.LastNumber + 1 || value == 1)
            {
                FlushCellRow();
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
            if (!IsClosingLine(norm))
            {
                table.After.Add(line);
                return true;
            }
        }

        if (table.Before.Count < beforeCount && !isHeading && !IsClosingLine(norm))
        {
            table.Before.Add(line);
            return true;
        }

        FlushCellRow();
        return HeadingBetweenRows(line);
    }

    /// <summary>A category heading between flattened rows keeps the table open; anything else ends it.</summary>
    private bool HeadingBetweenRows(Line line)
    {
        if (line.Numbering is { Style: NumberingStyle.ChineseComma or NumberingStyle.ChineseParen } m)
        {
            CloseTask();
            CloseCategory();
            StartCategory(line, m.Printed, line.Trimmed[m.Length..], line.TrimmedNorm[m.Length..]);
            return true;
        }

        cellTable = null;
        return false;
    }

    private void FlushCellRow()
    {
        if (cellTable is not { } table)
        {
            return;
        }

        if (table.Anchor is null)
        {
            foreach (var leftover in table.Before)
            {
                Warn("table-extra-cells", "表格末尾多出的单元格 (cell left over after the last row)", leftover);
            }

            table.Before.Clear();
            return;
        }

        var cells = new List<Line?>();
        var before = table.Before.Count == table.NumberColumn ? table.Before.Cast<Line?>().ToList()
            : [.. Enumerable.Repeat<Line?>(null, table.NumberColumn)];
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
        var after = table.After.Cast<Line?>().ToList();
        if (after.Count < table.AfterCount)
        {
            var categoryIndex = Array.IndexOf(table.Roles, ColumnRole.Category) - table.NumberColumn - 1;
            var afterRoles = table.Roles[(table.NumberColumn + 1)..];
            if (categoryIndex >= 0 && after.Count == table.AfterCount - 1)
            {
                after.Insert(categoryIndex, null);
            }
            else if (CellAlignment.Align([.. after.Select(a => a!.Trimmed)], [.. after.Select(a => a!.TrimmedNorm)], afterRoles) is { } aligned)
            {
                Warn("table-row-shape", "表格行缺少单元格，已按内容补齐空单元格，请核对 (row has fewer cells than the header: empty cells put back by content)", table.Anchor);
                var queue = new Queue<Line?>(after);
                after = [.. aligned.Norm.Select(n => n.Length == 0 ? null : queue.Dequeue())];
            }
            else
            {
                Warn("table-row-shape", "表格行缺少单元格 (row has fewer cells than the header)", table.Anchor);
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
        ProcessRow(anchor, printed, norm, table.Table);
    }

    // ---------------------------------------------------------------- rows

    [GeneratedRegex(@"^\D{0,2}(\d{1,3})\D{0,2}$")]
    private static partial Regex RowNumberRegex();

    private void ProcessRow(Line line, string[] printed, string[] norm, TableState table)
    {
        CloseTask();
        var roles = table.Roles;
        var numberIndex = Array.IndexOf(roles, ColumnRole.Number);
        var textIndex = Array.IndexOf(roles, ColumnRole.Text);
        var categoryIndex = Array.IndexOf(roles, ColumnRole.Category);
        var nonEmpty = norm.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();

        if (nonEmpty.Count == 0)
        {
            return;
        }

        string? number = null;
        if (numberIndex >= 0)
        {
            var m = RowNumberRegex().Match(norm[numberIndex].Trim());
            if (m.Success)
            {
                number = m.Groups[1].Value.TrimStart('0');
            }
        }
        else if (norm[textIndex].Trim().Length > 0 && nonEmpty.Count > 1)
        {
            number = (++table.AutoNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (number is null && numberIndex >= 0 && norm[numberIndex].Trim().Length == 0 && textIndex >= 0
            && norm[textIndex].Trim().Length > 0 && nonEmpty.Count > 1 && table.LastNumber is { } previous)
        {
            // A row that lost its number cell between numbered rows: the next number, reported.
            number = (previous + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Warn("table-row-number-missing", $"表格行缺少序号，按上一行编为 {number} (row without its number: numbered {number} after the row before)", line);
        }

        if (number is null)
        {
            if (nonEmpty.Count == 1)
            {
                // A row with one text across the columns: a category heading inside the table.
                var index = Array.FindIndex(norm, c => c.Trim().Length > 0);
                var headingNorm = norm[index].Trim();
                var headingPrinted = printed[index].Trim();
                var numbering = Numbering.Match(headingNorm);
                CloseCategory();
                table.CategoryCell = null;
                table.ContextCell = null;
                StartCategory(line, numbering?.Printed, headingPrinted[(numbering?.Length ?? 0)..], headingNorm[(numbering?.Length ?? 0)..]);
                return;
            }

            Warn("table-row-unplaced", "表格行没有序号，无法作为任务 (table row without a task number)", line);
            return;
        }

        if (categoryIndex >= 0)
        {
            var cell = norm[categoryIndex].Trim();
            if (cell.Length > 0 && TextNormalizer.CleanWhitespace(cell) != table.CategoryCell)
            {
                CloseCategory();
                table.CategoryCell = TextNormalizer.CleanWhitespace(cell);
                var cellPrinted = printed[categoryIndex].Trim();
                var numbering = Numbering.Match(cell);
                StartCategory(line, numbering?.Printed, cellPrinted[(numbering?.Length ?? 0)..], cell[(numbering?.Length ?? 0)..]);
            }
        }

        var value = int.Parse(number.Length == 0 ? "0" : number, System.Globalization.CultureInfo.InvariantCulture);
        if (table.LastNumber is { } last && value != last + 1 && value != 1)
        {
            Warn("numbering-gap", $"任务编号 {number} 不接续上一条 {last} (task {number} does not follow {last})", line);
        }

        table.LastNumber = value;
        var rowNumber = number.Length == 0 ? "0" : number;
        var annotations = new List<UnitAnnotation>();
        var extra = new List<string>();
        (string Norm, string Printed)? deadlineCell = null;
        var text = (Printed: "", Norm: "");
        for (var c = 0; c < roles.Length; c++)
        {
            var cellPrinted = printed[c].Trim();
            var cellNorm = norm[c].Trim();
            if (cellNorm.Length == 0)
            {
                continue;
            }

            switch (roles[c])
            {
                case ColumnRole.Text:
                    text = (cellPrinted, cellNorm);
                    break;
                case ColumnRole.Context:
                    table.ContextCell = TextNormalizer.CleanWhitespace(cellPrinted);
                    break;
                case ColumnRole.Lead:
                case ColumnRole.Responsible:
                case ColumnRole.Leader:
                    annotations.Add(CellAnnotation(roles[c], cellNorm, cellPrinted));
                    break;
                case ColumnRole.Deadline:
                    deadlineCell = (cellNorm, cellPrinted);
                    break;
                case ColumnRole.Other:
                    extra.Add($"{table.Headers[c]}：{TextNormalizer.CleanWhitespace(cellPrinted)}");
                    break;
            }
        }

        // A table with a 责任单位 column and no 牵头单位 column: the first unit listed leads.
        if (!roles.Contains(ColumnRole.Lead))
        {
            foreach (var annotation in annotations.Where(a => a.Leads.Count == 0 && a.Responsibles.Count > 0))
            {
                annotation.Leads.Add(annotation.Responsibles[0]);
                annotation.Responsibles.RemoveAt(0);
            }
        }

        // In a two-level table one cell can hold several measures ("1.…2.…"): each is a task of its own.
        var measures = roles.Contains(ColumnRole.Context) ? Measures.Split(text.Printed, text.Norm) : [text.Printed];
        for (var k = 0; k < measures.Count; k++)
        {
            var number2 = measures.Count == 1 ? rowNumber : $"{rowNumber}.{k + 1}";
            task = new TaskBuilder(number2, category, line.Number) { Context = roles.Contains(ColumnRole.Context) ? table.ContextCell : null };
            category?.AddTask();
            foreach (var part in measures[k].Split('\n'))
            {
                task.Append(part);
            }

            task.Annotations.AddRange(annotations);
            task.Extra.AddRange(extra);
            task.DeadlineCell = deadlineCell;
            CloseTask();
        }
    }

    private static UnitAnnotation CellAnnotation(ColumnRole role, string norm, string printed)
    {
        if (UnitAnnotationParser.Parse(norm, printed) is { } labelled && !labelled.IsEmpty
            && Regex.IsMatch(norm, @"(单位|部门|领导|责任人)\s*:"))
        {
            return labelled;
        }

        var annotation = new UnitAnnotation();
        var names = UnitAnnotationParser.SplitNames(norm.Replace('\n', '、'), printed.Replace('\n', '、'));
        (role switch
        {
            ColumnRole.Lead => annotation.Leads,
            ColumnRole.Leader => annotation.Leaders,
            _ => annotation.Responsibles,
        }).AddRange(names);
        return annotation;
    }
}
