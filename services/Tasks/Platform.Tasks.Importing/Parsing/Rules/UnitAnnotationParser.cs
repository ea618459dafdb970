using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Parses unit annotations in the layouts of DESIGN §4: labelled ("牵头单位：X，责任单位：Y、Z"), role phrases
/// ("X牵头，Y按职责分工负责", "X、Y负责"). Unit lists split on 、，,；; but never inside quotes or brackets, so
/// "区级部门联合“双随机、一公开”联席会议成员单位" stays one name; "X等有关部门" stays one name; people (责任领导：张三)
/// are kept apart from units.
/// </summary>
internal static partial class UnitAnnotationParser
{
    private static readonly string[] LeadLabels = ["牵头单位", "牵头部门", "主责单位", "主办单位", "牵头"];

    private static readonly string[] ResponsibleLabels =
        ["责任单位", "责任部门", "配合单位", "配合部门", "协办单位", "参与单位", "协同单位", "责任主体"];

    private static readonly string[] LeaderLabels =
        ["牵头区领导", "责任领导", "牵头领导", "分管领导", "联系领导", "责任人"];

    private static readonly string[] DeadlineLabels = ["完成时限要求", "时限要求", "完成时限", "完成时间", "时间节点", "时限"];

    [GeneratedRegex(
        @"(牵头区领导|责任领导|牵头领导|分管领导|联系领导|责任人|牵头单位|牵头部门|主责单位|主办单位|责任单位|责任部门|"
        + @"配合单位|配合部门|协办单位|参与单位|协同单位|责任主体|完成时限要求|时限要求|完成时限|完成时间|时间节点|时限|牵头)\s*:\s*")]
    private static partial Regex LabelRegex();

    private static readonly (string Verb, Role Role)[] RoleVerbs =
    [
        ("按职责分工负责", Role.Responsible), ("按职能职责负责", Role.Responsible), ("按职能分工负责", Role.Responsible),
        ("按职责负责", Role.Responsible), ("分工负责", Role.Responsible), ("配合负责", Role.Responsible),
        ("共同负责", Role.Responsible), ("分别负责", Role.Responsible), ("牵头负责", Role.Lead),
        ("为牵头单位", Role.Lead), ("牵头", Role.Lead), ("配合", Role.Responsible), ("参与", Role.Responsible),
        ("协同", Role.Responsible), ("协助", Role.Responsible), ("负责", Role.Owner),
    ];

    private enum Role
    {
        Lead,
        Responsible,
        Owner,
    }

    /// <summary>Whether the text names units by a label or a role phrase (cheap test before parsing).</summary>
    public static bool LooksLikeAnnotation(string normalized) =>
        LabelRegex().IsMatch(normalized) || normalized.Contains("牵头", StringComparison.Ordinal)
            || normalized.EndsWith("负责", StringComparison.Ordinal)
            || normalized.EndsWith("配合", StringComparison.Ordinal);

    /// <summary>
    /// Parses a whole annotation; null when some part of it cannot be read (the caller keeps it as text and warns).
    /// </summary>
    public static UnitAnnotation? Parse(string normalized, string printed)
    {
        var trimmedStart = 0;
        while (trimmedStart < normalized.Length
            && (char.IsWhiteSpace(normalized[trimmedStart]) || ",;。".Contains(normalized[trimmedStart])))
        {
            trimmedStart++;
        }

        var labels = LabelRegex().Matches(normalized).Where(m => Depth(normalized, m.Index) == 0).ToList();
        if (labels.Count > 0 && labels[0].Index == trimmedStart)
        {
            return ParseLabelled(normalized, printed, labels);
        }

        return ParseRolePhrases(normalized, printed, trimmedStart);
    }

    private static UnitAnnotation? ParseLabelled(string normalized, string printed, List<Match> labels)
    {
        var annotation = new UnitAnnotation();
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].Groups[1].Value;
            var valueStart = labels[i].Index + labels[i].Length;
            var valueEnd = i + 1 < labels.Count ? labels[i + 1].Index : normalized.Length;
            var valueNormalized = normalized[valueStart..valueEnd];
            var valuePrinted = printed[valueStart..valueEnd];
            if (DeadlineLabels.Contains(label))
            {
                annotation.DeadlineNormalized = valueNormalized.Trim().TrimEnd(',', ';', '。');
                annotation.DeadlinePrinted = valuePrinted.Trim().TrimEnd(',', ';', '。', '，', '；');
                continue;
            }

            var names = SplitNames(valueNormalized, valuePrinted);

            // "责任单位：区司法局、区委编办，6月底完成": a deadline at the end of the list is the task's, not a unit.
            if (names.Count > 1 && !LooksLikeUnit(names[^1])
                && DeadlineParser.ParseCell(TextNormalizer.Normalize(names[^1]), names[^1], null) is not null)
            {
                annotation.DeadlineNormalized ??= TextNormalizer.Normalize(names[^1]);
                annotation.DeadlinePrinted ??= names[^1];
                names.RemoveAt(names.Count - 1);
            }

            if (LeaderLabels.Contains(label))
            {
                annotation.Leaders.AddRange(names);
            }
            else if (LeadLabels.Contains(label))
            {
                annotation.Leads.AddRange(names);
            }
            else if (ResponsibleLabels.Contains(label))
            {
                annotation.Responsibles.AddRange(names);
            }
        }

        return annotation.IsEmpty && annotation.DeadlinePrinted is null ? null : annotation;
    }

    private static UnitAnnotation? ParseRolePhrases(string normalized, string printed, int start)
    {
        var annotation = new UnitAnnotation();
        foreach (var (from, to) in SplitTopLevel(normalized, start, normalized.Length, ",;。"))
        {
            var clause = normalized[from..to].TrimEnd();
            var clauseEnd = from + clause.Length;
            var matched = false;
            foreach (var (verb, role) in RoleVerbs)
            {
                if (!clause.EndsWith(verb, StringComparison.Ordinal))
                {
                    continue;
                }

                var bodyStart = from;
                while (bodyStart < clauseEnd && char.IsWhiteSpace(normalized[bodyStart]))
                {
                    bodyStart++;
                }

                if (bodyStart < clauseEnd && normalized[bodyStart] == '由')
                {
                    bodyStart++;
                }

                var bodyEnd = clauseEnd - verb.Length;
                var names = SplitNames(normalized[bodyStart..bodyEnd], printed[bodyStart..bodyEnd]);
                if (names.Count == 0)
                {
                    return null;
                }

                (role switch
                {
                    Role.Lead => annotation.Leads,
                    Role.Responsible => annotation.Responsibles,
                    _ => annotation.Owners,
                }).AddRange(names);
                matched = true;
                break;
            }

            if (!matched)
            {
                return null;
            }
        }

        return annotation.IsEmpty ? null : annotation;
    }

    /// <summary>Splits a unit list on 、，,；; outside quotes and brackets; names come back as printed.</summary>
    public static List<string> SplitNames(string normalized, string printed)
    {
        var names = new List<string>();
        foreach (var (from, to) in SplitTopLevel(normalized, 0, normalized.Length, "、,;/"))
        {
            var name = TextNormalizer.CleanWhitespace(printed[from..to]).Trim('。', '.', ' ', ':', '：');
            if (name.Length > 0)
            {
                names.AddRange(SplitConjunctions(name));
            }
        }

        return names;
    }

    /// <summary>
    /// "区商务委和区发展改革委", "区财政局及各街道": a list joined by 和 / 及 / 与 / 并 where both sides look like units;
    /// "区人力资源和社会保障局" stays one name (its left side is not a unit).
    /// </summary>
    private static IEnumerable<string> SplitConjunctions(string name)
    {
        var norm = TextNormalizer.Normalize(name);
        for (var i = 2; i < norm.Length - 2; i++)
        {
            if (norm[i] is '和' or '及' or '与' or '并' && Depth(norm, i) == 0)
            {
                var left = name[..i].Trim();
                var right = name[(i + 1)..].Trim();
                if (LooksLikeUnit(left) && (LooksLikeUnit(right) || right.StartsWith('各')))
                {
                    return [left, .. SplitConjunctions(right)];
                }
            }
        }

        return [name];
    }

    private static readonly string[] UnitSuffixes =
    [
        "局", "委", "办", "院", "室", "部", "中心", "公司", "厂", "所", "站", "队", "会", "处", "行", "社", "团", "馆", "校", "府",
        "单位", "部门", "街道", "镇", "乡", "组", "联", "厅", "署", "集团", "银行", "海关", "机构", "企业", "协会", "园", "区",
    ];

    /// <summary>
    /// Whether a name looks like a body (ends as government bodies do); others are reported for review.
    /// </summary>
    public static bool LooksLikeUnit(string name)
    {
        var n = TextNormalizer.Normalize(name).TrimEnd(')', ']', '”');
        if (n.EndsWith('等'))
        {
            n = n[..^1];
        }

        return UnitSuffixes.Any(s => n.EndsWith(s, StringComparison.Ordinal))
            || n.Contains("成员单位", StringComparison.Ordinal)
            || n.Contains("有关部门", StringComparison.Ordinal) || n.Contains("相关部门", StringComparison.Ordinal);
    }

    public static IEnumerable<(int Start, int End)> SplitTopLevel(string text, int start, int end, string separators)
    {
        var from = start;
        var depth = 0;
        var straight = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '“' or '‘' or '《' or '「' or '（')
            {
                depth++;
            }
            else if (c is ')' or ']' or '”' or '’' or '》' or '」' or '）')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '"')
            {
                straight = !straight;
            }
            else if (depth == 0 && !straight && separators.Contains(c))
            {
                if (i > from)
                {
                    yield return (from, i);
                }

                from = i + 1;
            }
        }

        if (end > from)
        {
            yield return (from, end);
        }
    }

    private static int Depth(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] is '(' or '[' or '“' or '《')
            {
                depth++;
            }
            else if (text[i] is ')' or ']' or '”' or '》')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return depth;
    }
}
