using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A task table's rows, whichever way the table reached the parser (pipes, a Word table, one cell per line): each row's
/// cells by column role — the number, the task (split into its measures when the table has a higher-level task column),
/// the units (a table without a 牵头单位 column: the first unit listed leads), the deadline, the category spanning its
/// rows, the other columns kept as "表头：值".
/// </summary>
internal static partial class TableRows
{
    [GeneratedRegex(@"^\D{0,2}(\d{1,3})\D{0,2}$")]
    private static partial Regex RowNumberRegex();

    /// <summary>One row of a task table, its cells in the header's order: a task (or several, one per measure of a
    /// two-level table's cell), or a category heading spanning the row.</summary>
    public static void Read(Block line, string[] printed, string[] norm, TableState table, ListBuilder list)
    {
        list.CloseTask();
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
            list.Warn(
                "table-row-number-missing",
                $"表格行缺少序号，按上一行编为 {number} (row without its number: numbered {number} after the row before)",
                line);
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
                list.CloseCategory();
                table.CategoryCell = null;
                table.ContextCell = null;
                list.StartCategory(
                    line,
                    numbering?.Printed,
                    headingPrinted[(numbering?.Length ?? 0)..],
                    headingNorm[(numbering?.Length ?? 0)..]);
                return;
            }

            list.Warn("table-row-unplaced", "表格行没有序号，无法作为任务 (table row without a task number)", line);
            return;
        }

        if (categoryIndex >= 0)
        {
            var cell = norm[categoryIndex].Trim();
            if (cell.Length > 0 && TextNormalizer.CleanWhitespace(cell) != table.CategoryCell)
            {
                list.CloseCategory();
                table.CategoryCell = TextNormalizer.CleanWhitespace(cell);
                var cellPrinted = printed[categoryIndex].Trim();
                var numbering = Numbering.Match(cell);
                list.StartCategory(
                    line,
                    numbering?.Printed,
                    cellPrinted[(numbering?.Length ?? 0)..],
                    cell[(numbering?.Length ?? 0)..]);
            }
        }

        var value = int.Parse(number.Length == 0 ? "0" : number, System.Globalization.CultureInfo.InvariantCulture);
        if (table.LastNumber is { } last && value != last + 1 && value != 1)
        {
            list.Warn("numbering-gap", $"任务编号 {number} 不接续上一条 {last} (task {number} does not follow {last})", line);
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
            var task = list.StartTask(
                number2,
                line.Number,
                roles.Contains(ColumnRole.Context) ? table.ContextCell : null);
            foreach (var part in measures[k].Split('\n'))
            {
                task.Append(part);
            }

            task.Annotations.AddRange(annotations);
            task.Extra.AddRange(extra);
            task.DeadlineCell = deadlineCell;
            list.CloseTask();
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

