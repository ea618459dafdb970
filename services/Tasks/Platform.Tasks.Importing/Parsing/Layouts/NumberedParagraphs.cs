using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A list written as numbered paragraphs: sections 一、, categories （一）, tasks 1. (the levels come from
/// <see cref="LayoutPlan"/>), a task's further lines and sub-items, unit lines after a task or a heading ("责任单位：…"),
/// and sections whose items are not tasks (工作目标, 保障措施 …). It reads every block no table takes.
/// </summary>
internal sealed partial class NumberedParagraphs(IReadOnlyList<Block> lines, LayoutPlan plan, ListBuilder list)
    : ILayout
{
    private static readonly string[] NonTaskSections =
    [
        "工作目标", "总体要求", "指导思想", "基本原则", "组织保障", "保障措施", "工作要求", "有关要求", "组织实施", "实施步骤",
        "工作机制", "主要目标", "目标任务", "有关说明", "名词解释", "附则",
    ];

    private NumberingStyle? nonTaskStyle;
    private int? lastTaskNumber;

    public bool StartsAt(int index) => false;

    public int Start(int index) => throw new InvalidOperationException("numbered paragraphs have no header");

    public void End()
    {
    }

    /// <summary>
    /// Every block no table took is a paragraph: a heading, a task, a unit line, a task's next line or other text.
    /// </summary>
    public bool Read(int index)
    {
        var line = lines[index];
        var taskStyle = plan.TaskStyle;
        var categoryStyle = plan.CategoryStyle;
        var norm = line.TrimmedNorm;

        if (UnitAssignment.IsFirstIsLeadRule(norm)
            && norm.Length < 40
            && line.Numbering is null
            && !UnitLineRegex().IsMatch(norm))
        {
            list.AddOther(line.Number, line.Trimmed);
            return true;
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
                list.CloseTask();
                list.CloseCategory();
                nonTaskStyle = m.Style;
                list.AddOther(line.Number, line.Trimmed);
                return true;
            }

            if (isHeading && (m.Style < categoryStyle || nonTaskStyle is not null))
            {
                list.CloseTask();
                list.CloseCategory();
                list.AddOther(line.Number, line.Trimmed);
                return true;
            }

            if (m.Style == categoryStyle)
            {
                list.CloseTask();
                list.CloseCategory();
                list.StartCategory(line, m.Printed, line.Trimmed[m.Length..], line.TrimmedNorm[m.Length..]);
                return true;
            }

            if (m.Style == taskStyle)
            {
                list.CloseTask();
                if (nonTaskStyle is not null)
                {
                    list.AddOther(line.Number, line.Trimmed);
                    return true;
                }

                if (lastTaskNumber is { } last ? m.Value != last + 1 && m.Value != 1 : m.Value != 1)
                {
                    var previous = lastTaskNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
                    list.Warn(
                        "numbering-gap",
                        $"任务编号 {m.Printed} 不接续上一条（{previous}） (task {m.Printed} does not follow {previous})",
                        line);
                }

                lastTaskNumber = m.Value;
                list.StartTask(m.Printed, line.Number).Append(line.Trimmed[m.Length..]);
                return true;
            }

            if (list.Task is { } open && taskStyle is { } ts && m.Style > ts)
            {
                open.Append(line.Trimmed);
                return true;
            }

            list.CloseTask();
            list.Warn("unplaced-numbered-line", "编号行无法归入类别或任务 (numbered line not placed as category or task)", line);
            return true;
        }

        if (IsUnitLine(norm))
        {
            var (unitNorm, unitPrinted) = WithoutRuleBracket(norm, line.Trimmed);
            var annotation = UnitAnnotationParser.Parse(unitNorm, unitPrinted);
            if (annotation is null)
            {
                list.Warn("unparsed-units", "无法解析的单位行 (unit line not understood)", line);
                return true;
            }

            if (list.Task is { } owner)
            {
                owner.Annotations.Add(annotation);
            }
            else if (list.Category is { TaskCount: 0 } heading)
            {
                heading.Apply(annotation, list.FirstIsLead);
                heading.SourceLines.Add((line.Number, line.Trimmed));
            }
            else
            {
                list.Warn("unplaced-units", "单位行之前没有任务或类别 (unit line with no task or category before it)", line);
            }

            return true;
        }

        if (list.Task is { } continued && !IsClosingLine(norm))
        {
            continued.Append(line.Trimmed);
            return true;
        }

        list.CloseTask();
        list.AddOther(line.Number, line.Trimmed);
        return true;
    }

    /// <summary>"责任单位：X、Y（第一责任单位为牵头单位，下同）": the rule's bracket is not part of the unit list.</summary>
    private static (string Norm, string Printed) WithoutRuleBracket(string norm, string printed)
    {
        var match = Regex.Match(norm, @"\([^()]*\)");
        while (match.Success)
        {
            if (UnitAssignment.IsFirstIsLeadRule(match.Value))
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

    [GeneratedRegex(
        @"^(?:\(|\[)?\s*(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|协办单位|参与单位|主责单位|"
        + @"责任领导|牵头领导|分管领导|责任人|完成时限要求|时限要求|完成时限|完成时间)\s*:")]
    private static partial Regex UnitLineRegex();

    private static bool IsUnitLine(string norm) =>
        UnitLineRegex().IsMatch(norm)
        || (norm.Length > 2 && ((norm[0] == '(' && norm[^1] == ')') || (norm[0] == '[' && norm[^1] == ']'))
            && UnitAnnotationParser.LooksLikeAnnotation(norm[1..^1])
            && UnitAnnotationParser.Parse(norm[1..^1], norm[1..^1]) is not null);

    public static bool IsClosingLine(string norm) =>
        ClosingStarts.Any(start => norm.StartsWith(start, StringComparison.Ordinal))
        || NoticeReader.IsStandaloneDate(norm);

    private static readonly string[] ClosingStarts = ["注:", "备注", "附件", "抄送", "(此件"];
}
