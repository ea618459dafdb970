using System.Text.RegularExpressions;
using Platform.Tasks.Importing.Reading;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Turns the lines of a document into a task list. The numbering styles present decide the levels: the style with the
/// most items is the task level (ties go to the deeper style), the nearest style above it the category level, styles above
/// that sections; rows of a task table (a header naming 序号 / 事项 / 牵头单位 …) are tasks. Notice lines (before the
/// issue date that follows a 关于…的通知 title) are never tasks. Every line ends up in the notice, a category, a task,
/// <see cref="ParsedTaskList.OtherText"/> or a warning.
/// </summary>
internal sealed partial class TaskListParser
{
    private static readonly string[] NonTaskSections =
    [
        "工作目标", "总体要求", "指导思想", "基本原则", "组织保障", "保障措施", "工作要求", "有关要求", "组织实施", "实施步骤",
        "工作机制", "主要目标", "目标任务", "有关说明", "名词解释", "附则",
    ];

    // "第一责任单位为牵头单位", "列第一位的责任单位为牵头单位", "排在首位的为主要责任单位", "排名第一的为牵头单位"…
    [GeneratedRegex(@"(?:第一|首位|第一位|首个)[^,。;:]{0,10}为(?:牵头|主要责任|主责)(?:单位|部门|责任单位)?")]
    private static partial Regex FirstIsLeadRuleRegex();

    private static bool IsFirstIsLeadRule(string norm) => FirstIsLeadRuleRegex().IsMatch(norm);

    private readonly List<Line> lines;
    private readonly List<(int Line, string Text)> otherText = [];
    private readonly List<ParseWarning> warnings = [];
    private readonly List<CategoryBuilder> categories = [];
    private readonly List<TaskBuilder> tasks = [];
    private readonly HashSet<int> consumed = [];
    private readonly bool firstIsLead;
    private int? listYear;
    private CategoryBuilder? category;
    private TaskBuilder? task;
    private NumberingStyle? nonTaskStyle;
    private int? lastTaskNumber;

    private readonly GluedUnitNames glued;

    private TaskListParser(IReadOnlyList<SourceLine> source, IReadOnlyCollection<string>? directory)
    {
        glued = new GluedUnitNames(directory);
        lines = FlattenTablesWithoutHeader(source).Select(s => new Line(s)).ToList();
        firstIsLead = lines.Any(l => IsFirstIsLeadRule(l.Norm));
    }

    /// <summary>Parses the lines; <paramref name="directory"/> (unit names and aliases of the district) splits glued names.</summary>
    public static ParsedTaskList Parse(IReadOnlyList<SourceLine> source, IReadOnlyCollection<string>? directory = null) =>
        new TaskListParser(source, directory).Run();

    /// <summary>A Word table without a task header (a layout table, a boxed list) is read as its paragraphs.</summary>
    private static IEnumerable<SourceLine> FlattenTablesWithoutHeader(IReadOnlyList<SourceLine> source)
    {
        var withHeader = source
            .Where(s => s.Cells is not null && TableColumns.MatchHeader([.. s.Cells.Select(TextNormalizer.Normalize)]) is not null)
            .Select(s => s.TableId)
            .ToHashSet();
        foreach (var line in source)
        {
            if (line.Cells is null || withHeader.Contains(line.TableId))
            {
                yield return line;
                continue;
            }

            foreach (var cell in line.Cells.Distinct())
            {
                foreach (var paragraph in cell.Split('\n'))
                {
                    if (!string.IsNullOrWhiteSpace(paragraph))
                    {
                        yield return new SourceLine(line.Number, paragraph);
                    }
                }
            }
        }
    }

    private ParsedTaskList Run()
    {
        var (notice, noticeEnd) = ReadNotice();
        var tables = FindTables(noticeEnd);
        var (taskStyle, categoryStyle) = DecideLevels(noticeEnd, tables);

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank || consumed.Contains(i))
            {
                continue;
            }

            if (i < noticeEnd)
            {
                otherText.Add((line.Number, line.Trimmed));
                continue;
            }

            i = Walk(i, tables, taskStyle, categoryStyle);
        }

        FlushCellRow();
        CloseTask();
        CloseCategory();
        SetAsideSectionsWithoutUnits();

        if (tasks.Count == 0)
        {
            throw new DocumentRejectedException(
                "no-tasks",
                "文档中没有识别到任何编号任务（如“1.”“（一）”或带“序号”的任务表）(no recognisable task: no numbered items or task table found).");
        }

        var otherParagraphs = otherText.OrderBy(o => o.Line).Select(o => o.Text).ToList();
        notice = notice with
        {
            Reporting = NoticeParser.FindReporting(otherParagraphs),
            Contact = NoticeParser.FindContact(otherParagraphs),
        };

        return new ParsedTaskList
        {
            Notice = notice,
            Categories = categories.Where(c => c.Kept).Select((c, index) => c.Build(index + 1)).ToList(),
            Tasks = tasks.Select(t => t.Built!).ToList(),
            Warnings = [.. warnings.OrderBy(w => w.Line ?? 0)],
            OtherText = otherParagraphs,
        };
    }

    /// <summary>
    /// A section none of whose numbered items names a unit, a target or a deadline, in a list whose other tasks name
    /// their units (五、有关说明 with its items 1. 2. 3.), is not a section of tasks: its items are kept as other text
    /// and reported, so a heading the parser does not know still does not turn notes into tasks.
    /// </summary>
    private void SetAsideSectionsWithoutUnits()
    {
        static bool Bare(ParsedTask t) =>
            t.LeadUnits.Count == 0 && t.ResponsibleUnits.Count == 0 && t.Targets.Count == 0 && t.DeadlineText is null;

        foreach (var section in tasks.Where(t => t.Category is not null).GroupBy(t => t.Category!).ToList())
        {
            var others = tasks.Where(t => t.Category != section.Key).ToList();
            var named = others.Count(t => t.Built!.LeadUnits.Count > 0 || t.Built.ResponsibleUnits.Count > 0);
            if (!section.All(t => Bare(t.Built!)) || others.Count < 3 || named * 4 < others.Count * 3)
            {
                continue;
            }

            var lines = section.Select(t => t.Line).ToHashSet();
            warnings.RemoveAll(w => w.Code == "task-without-lead" && w.Line is { } l && lines.Contains(l));
            Warn("section-not-tasks", $"“{section.Key.Title}”下的 {section.Count()} 项没有单位、目标或时限，未作为任务 (items of a section naming no unit, target or deadline are not tasks)", section.Key.Line, section.Key.SourceText);
            section.Key.Kept = false;
            otherText.Add((section.Key.Line, section.Key.SourceText));
            foreach (var t in section)
            {
                otherText.Add((t.Line, $"{t.Number}.{t.Built!.Text}"));
                tasks.Remove(t);
            }
        }
    }

    // ---------------------------------------------------------------- levels

    private (NumberingStyle? Task, NumberingStyle? Category) DecideLevels(int start, Tables tables)
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

        if (tables.Any)
        {
            // Table rows are tasks. Numbered paragraphs are tasks too when most of the deepest ones name their units
            // (a list of bracketed tasks followed by a table); otherwise the deepest paragraph numbering names categories.
            if (counts.Count > 0 && DeepestItemsNameUnits(start, counts.Keys.Max()))
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

    private bool DeepestItemsNameUnits(int start, NumberingStyle style)
    {
        var items = lines.Skip(start)
            .Where(l => !l.IsBlank && l.Cells is null && !l.Norm.Contains('|') && l.Numbering is { } m && m.Style == style)
            .ToList();
        var naming = items.Count(l => l.Norm.Contains("牵头") || l.Norm.Contains("责任单位") || l.Norm.Contains("负责"));
        return items.Count > 0 && naming * 2 >= items.Count;
    }

    // ---------------------------------------------------------------- the walk

    private TableState? rowTable;
    private CellTableState? cellTable;

    private sealed class TableState(ColumnRole[] roles, string[] headers, int? tableId)
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

    private sealed class CellTableState(ColumnRole[] roles, string[] headers)
    {
        public ColumnRole[] Roles { get; } = roles;

        public string[] Headers { get; } = headers;

        public int NumberColumn { get; } = Array.IndexOf(roles, ColumnRole.Number);

        public List<Line> Before { get; } = [];

        public Line? Anchor { get; set; }

        public List<Line> After { get; } = [];

        public int? LastNumber { get; set; }

        public TableState Table { get; } = new(roles, headers, null);

        public int AfterCount => Roles.Length - NumberColumn - 1;
    }

    private int Walk(int i, Tables tables, NumberingStyle? taskStyle, NumberingStyle? categoryStyle)
    {
        var line = lines[i];

        if (tables.CellHeaders.TryGetValue(i, out var cellHeader))
        {
            CloseTask();
            FlushCellRow();
            var headerLines = Enumerable.Range(i, cellHeader.Count).Where(k => !lines[k].IsBlank).ToList();
            cellTable = new CellTableState(cellHeader.Roles, [.. headerLines.Select(k => lines[k].Trimmed)]);
            rowTable = null;
            otherText.Add((line.Number, string.Join(" ", headerLines.Select(k => lines[k].Trimmed))));
            return i + cellHeader.Count - 1;
        }

        if (tables.RowHeaders.TryGetValue(i, out var roles))
        {
            CloseTask();
            FlushCellRow();
            cellTable = null;
            var headers = line.CellsPrinted ?? SplitPipeRow(line).Printed;
            rowTable = new TableState(roles, [.. headers.Select(h => h.Trim())], line.TableId)
            {
                OuterPipes = line.CellsPrinted is null && line.TrimmedNorm.StartsWith('|') && line.TrimmedNorm.EndsWith('|'),
            };
            otherText.Add((line.Number, line.Trimmed));
            return i;
        }

        if (rowTable is not null && IsRowOf(line, rowTable))
        {
            var (printed, norm) = line.CellsPrinted is not null ? (line.CellsPrinted, line.CellsNorm!) : SplitPipeRow(line, rowTable.Roles.Length, rowTable.OuterPipes);
            if (norm.Length == rowTable.Roles.Length)
            {
                ProcessRow(line, printed, norm, rowTable);
                return i;
            }

            if (CellAlignment.Align(printed, norm, rowTable.Roles) is { } aligned)
            {
                Warn("table-row-shape", $"表格行有 {norm.Length} 列，表头有 {rowTable.Roles.Length} 列，已按内容补齐空单元格，请核对 (row has {norm.Length} cells, header {rowTable.Roles.Length}: empty cells put back by content)", line);
                ProcessRow(line, aligned.Printed, aligned.Norm, rowTable);
                return i;
            }

            Warn("table-row-shape", $"表格行有 {norm.Length} 列，表头有 {rowTable.Roles.Length} 列 (row has {norm.Length} cells, header {rowTable.Roles.Length})", line);
            return i;
        }

        if (cellTable is not null && CellTableLine(line))
        {
            return i;
        }

        Paragraph(line, taskStyle, categoryStyle);
        return i;
    }

    private static bool IsRowOf(Line line, TableState table) =>
        line.Cells is not null ? line.TableId == table.TableId || table.TableId is null : line.Norm.Contains('|');

    private void Paragraph(Line line, NumberingStyle? taskStyle, NumberingStyle? categoryStyle)
    {
        var norm = line.TrimmedNorm;

        if (IsFirstIsLeadRule(norm) && norm.Length < 40 && line.Numbering is null && !UnitLineRegex().IsMatch(norm))
        {
            otherText.Add((line.Number, line.Trimmed));
            return;
        }

        if (line.Numbering is { } m)
        {
            var isHeading = categoryStyle is { } cs && m.Style <= cs;
            if (isHeading && nonTaskStyle is { } ns && m.Style <= ns)
            {
                nonTaskStyle = null;
            }

            if (isHeading && IsNonTaskHeading(norm[m.Length..]))
            {
                // 工作目标 / 保障措施 …: what is numbered under it is not a task.
                CloseTask();
                CloseCategory();
                nonTaskStyle = m.Style;
                otherText.Add((line.Number, line.Trimmed));
                return;
            }

            if (isHeading && (m.Style < categoryStyle || nonTaskStyle is not null))
            {
                CloseTask();
                CloseCategory();
                otherText.Add((line.Number, line.Trimmed));
                return;
            }

            if (m.Style == categoryStyle)
            {
                CloseTask();
                CloseCategory();
                StartCategory(line, m.Printed, line.Trimmed[m.Length..], line.TrimmedNorm[m.Length..]);
                return;
            }

            if (m.Style == taskStyle)
            {
                CloseTask();
                if (nonTaskStyle is not null)
                {
                    otherText.Add((line.Number, line.Trimmed));
                    return;
                }

                if (lastTaskNumber is { } last ? m.Value != last + 1 && m.Value != 1 : m.Value != 1)
                {
                    var previous = lastTaskNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
                    Warn("numbering-gap", $"任务编号 {m.Printed} 不接续上一条（{previous}） (task {m.Printed} does not follow {previous})", line);
                }

                lastTaskNumber = m.Value;
                task = new TaskBuilder(m.Printed, category, line.Number);
                task.Append(line.Trimmed[m.Length..]);
                category?.AddTask();
                return;
            }

            if (task is not null && taskStyle is { } ts && m.Style > ts)
            {
                task.Append(line.Trimmed);
                return;
            }

            CloseTask();
            Warn("unplaced-numbered-line", "编号行无法归入类别或任务 (numbered line not placed as category or task)", line);
            return;
        }

        if (IsUnitLine(norm))
        {
            var (unitNorm, unitPrinted) = WithoutRuleBracket(norm, line.Trimmed);
            var annotation = UnitAnnotationParser.Parse(unitNorm, unitPrinted);
            if (annotation is null)
            {
                Warn("unparsed-units", "无法解析的单位行 (unit line not understood)", line);
                return;
            }

            if (task is not null)
            {
                task.Annotations.Add(annotation);
            }
            else if (category is not null && category.TaskCount == 0)
            {
                category.Apply(annotation, firstIsLead);
                category.SourceLines.Add((line.Number, line.Trimmed));
            }
            else
            {
                Warn("unplaced-units", "单位行之前没有任务或类别 (unit line with no task or category before it)", line);
            }

            return;
        }

        if (task is not null && !IsClosingLine(norm))
        {
            task.Append(line.Trimmed);
            return;
        }

        CloseTask();
        otherText.Add((line.Number, line.Trimmed));
    }

    /// <summary>"责任单位：X、Y（第一责任单位为牵头单位，下同）": the rule's bracket is not part of the unit list.</summary>
    private static (string Norm, string Printed) WithoutRuleBracket(string norm, string printed)
    {
        var match = Regex.Match(norm, @"\([^()]*\)");
        while (match.Success)
        {
            if (IsFirstIsLeadRule(match.Value))
            {
                return (norm.Remove(match.Index, match.Length), printed.Remove(match.Index, match.Length));
            }

            match = match.NextMatch();
        }

        return (norm, printed);
    }

    private static bool IsNonTaskHeading(string title)
    {
        var trimmed = title.Trim();
        return NonTaskSections.Any(s => trimmed.StartsWith(s, StringComparison.Ordinal)
            || (trimmed.Length <= 12 && trimmed.Contains(s, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^(?:\(|\[)?\s*(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|协办单位|参与单位|主责单位|责任领导|牵头领导|分管领导|责任人|完成时限要求|时限要求|完成时限|完成时间)\s*:")]
    private static partial Regex UnitLineRegex();

    private static bool IsUnitLine(string norm) =>
        UnitLineRegex().IsMatch(norm)
        || (norm.Length > 2 && ((norm[0] == '(' && norm[^1] == ')') || (norm[0] == '[' && norm[^1] == ']'))
            && UnitAnnotationParser.LooksLikeAnnotation(norm[1..^1]) && UnitAnnotationParser.Parse(norm[1..^1], norm[1..^1]) is not null);

    private static bool IsClosingLine(string norm) =>
        norm.StartsWith("注:", StringComparison.Ordinal) || norm.StartsWith("备注", StringComparison.Ordinal) || norm.StartsWith("附件", StringComparison.Ordinal)
        || norm.StartsWith("抄送", StringComparison.Ordinal) || norm.StartsWith("(此件", StringComparison.Ordinal)
        || NoticeParser.IsStandaloneDate(norm);
}
