using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Typed targets in a task's text. A number becomes a target only with a measurement unit after it and a target word in
/// its clause (a comparator such as 压减至 / 不超过 / 以上 / 达, or a verb such as 完成 / 打造 / 新增); numbers in dates,
/// quotes, codes ("G75", "510"模式), ordinals (第3个) and Chinese numerals without a measure word (二十大, 十四五) are never
/// targets. Two exceptions to the target word: a count in Chinese numerals after a target verb ("新建三个驿站" → 3 个), and
/// a rate named right before its percentage ("群众满意度98%").
/// </summary>
internal static partial class TargetParser
{
    // Longest first: the alternation takes the first unit that matches.
    [GeneratedRegex(
        @"(?<![A-Za-z\d.])(\d+(?:\.\d+)?)\s*(?:([-~])\s*(\d+(?:\.\d+)?)\s*)?"
        + @"(个工作日|工作日|个百分点|万平方米|平方米|万千瓦|千瓦|万吨|吨|万亩|亩|亿元|万元|个月|小时|分钟|万户|万人次|万人|人次|公里|"
        + @"微克/立方米|%|天|家|户|项|个|件|所|座|条|次|张|人|元|处|床|辆|套|间|台|批|场|部)(?![A-Za-z])")]
    private static partial Regex QuantityRegex();

    // "新建三个驿站", "培育两家": a count in Chinese numerals with a measure word (never 二十大 or 十四五, which have none).
    [GeneratedRegex(@"(?<![一二两三四五六七八九十百千万第])([一二两三四五六七八九十百千]{1,4})\s*(个工作日|工作日|个月|小时|天|个|家|项|所|座|条|张|户|件|批|支|处)")]
    private static partial Regex ChineseCountRegex();

    // "群众满意度98%", "优良天数比例88%": a rate named right before its percentage is a target without a target word.
    [GeneratedRegex(@"(?:率|度|比例|比重|占比)\s*$")]
    private static partial Regex RateBeforeRegex();

    [GeneratedRegex(@"(?<![A-Za-z])(IV|V|I{1,3}|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|[一二三四五])\s*类(标准|水质|水体)?(及以上|以上|及以下)?")]
    private static partial Regex GradeRegex();

    private static readonly string[] ReachVerbs =
    [
        "达到", "达", "实现", "完成", "新增", "建成", "打造", "培育", "引进", "累计", "新建", "推出", "开展", "建设", "覆盖",
        "提供", "举办", "形成", "落地", "创建", "认定", "改造", "招引", "发放", "惠及", "培训", "争取", "力争", "确保", "开工",
        "布局", "设立", "建立", "增设", "开行", "打通", "上线", "实施", "储备", "谋划", "组建", "帮扶", "转化", "加装", "签约",
        "盘活", "改扩建", "办结",
    ];

    private static readonly (string Word, TargetDirection Direction)[] Comparators = BuildComparators();

    private static (string, TargetDirection)[] BuildComparators()
    {
        var list = new List<(string, TargetDirection)>();
        foreach (var w in new[] { "压减", "缩减", "压缩", "缩短", "减少", "降低", "下降", "压降", "降", "减" })
        {
            list.Add((w + "至", TargetDirection.Decrease));
            list.Add((w + "到", TargetDirection.Decrease));
        }

        foreach (var w in new[] { "压减", "缩减", "压缩", "缩短", "减少", "降低", "下降" })
        {
            list.Add((w, TargetDirection.Decrease));
        }

        foreach (var w in new[] { "不超过", "不高于", "不多于", "最多", "最长", "控制在", "少于", "低于" })
        {
            list.Add((w, TargetDirection.AtMost));
        }

        foreach (var w in new[] { "不少于", "不低于", "至少", "超过", "突破", "多于", "高于" })
        {
            list.Add((w, TargetDirection.AtLeast));
        }

        foreach (var w in new[] { "增加", "增长", "提高", "提升", "上升", "扩大", "增" })
        {
            list.Add((w + "至", TargetDirection.Increase));
            list.Add((w + "到", TargetDirection.Increase));
        }

        foreach (var w in new[] { "增加", "增长", "提高", "提升", "上升", "扩大" })
        {
            list.Add((w, TargetDirection.Increase));
        }

        foreach (var w in new[] { "保持在", "稳定在", "维持在", "保持", "维持" })
        {
            list.Add((w, TargetDirection.Keep));
        }

        foreach (var w in ReachVerbs)
        {
            list.Add((w, TargetDirection.Reach));
        }

        return [.. list.OrderByDescending(c => c.Item1.Length)];
    }

    /// <summary>Parses the targets of a task text (printed and normalised, same length).</summary>
    public static IReadOnlyList<ParsedTarget> Parse(string printed, string normalized, int? listYear)
    {
        var targets = new List<ParsedTarget>();
        foreach (var (sentenceStart, sentenceEnd) in Split(normalized, 0, normalized.Length, "。;!?"))
        {
            var sentenceDeadlines = DeadlineParser.FindDated(
                normalized[sentenceStart..sentenceEnd], printed[sentenceStart..sentenceEnd], listYear);
            var deadline = sentenceDeadlines.Count > 0 ? DeadlineParser.Latest(sentenceDeadlines) : null;
            foreach (var (clauseStart, clauseEnd) in Split(normalized, sentenceStart, sentenceEnd, ",;:"))
            {
                ParseClause(printed, normalized, clauseStart, clauseEnd, deadline, targets);
            }
        }

        return targets;
    }

    private static void ParseClause(
        string printed, string normalized, int start, int end, DeadlineMatch? deadline, List<ParsedTarget> targets)
    {
        var clause = normalized[start..end];
        var quoted = QuotedMask(clause);
        var matches = QuantityRegex().Matches(clause)
            .Where(m => !quoted[m.Index] && !IsOrdinal(clause, m.Index))
            .ToList();
        var contextStart = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var unit = printed.Substring(start + m.Groups[4].Index, m.Groups[4].Length);
            var before = clause[contextStart..m.Index].TrimEnd();

            // "由A压减至B": A is the baseline of the next quantity.
            if (before.EndsWith('由') && i + 1 < matches.Count)
            {
                var next = matches[i + 1];
                var between = clause[(m.Index + m.Length)..next.Index].Trim();
                var direction = ComparatorAtEnd(between) is { } c && between == c.Word
                    ? c.Direction
                    : (TargetDirection?)null;
                if (direction is TargetDirection.Decrease or TargetDirection.Increase)
                {
                    var textStart = contextStart + before.Length - 1;
                    var (suffixEnd, _) = Suffix(clause, next.Index + next.Length);
                    targets.Add(new ParsedTarget
                    {
                        Text = Printed(printed, start + textStart, start + suffixEnd),
                        Value = Number(next.Groups[1].Value),
                        Unit = printed.Substring(start + next.Groups[4].Index, next.Groups[4].Length),
                        Baseline = Number(m.Groups[1].Value),
                        Direction = direction.Value,
                        Metric = Metric(printed, start, clause, contextStart, textStart),
                        Deadline = deadline?.Date,
                        DeadlineText = deadline?.Text,
                    });
                    contextStart = suffixEnd;
                    i++;
                    continue;
                }
            }

            var (end2, suffix) = Suffix(clause, m.Index + m.Length);
            var comparator = ComparatorAtEnd(before);
            TargetDirection? dir = suffix switch
            {
                "以上" or "及以上" or "以上的" => TargetDirection.AtLeast,
                "以下" or "以内" or "之内" or "及以下" or "内" => TargetDirection.AtMost,
                _ => comparator?.Direction,
            };
            if (dir is null && ContainsReachVerb(before))
            {
                dir = TargetDirection.Reach;
            }

            if (dir is null && unit == "%" && RateBeforeRegex().IsMatch(before))
            {
                dir = TargetDirection.Reach;
            }

            // "新建中小学2所、幼儿园1所": the next item of an enumeration takes the verb of the one before.
            if (dir is null
                && targets.Count > 0
                && contextStart > 0
                && clause[contextStart..m.Index].TrimStart().StartsWith('、'))
            {
                dir = targets[^1].Direction;
            }

            if (dir is null)
            {
                continue;
            }

            var phraseStart = comparator is { } cmp ? before.Length - cmp.Word.Length + contextStart : m.Index;
            var isRange = m.Groups[3].Success;
            targets.Add(new ParsedTarget
            {
                Text = Printed(printed, start + phraseStart, start + end2),
                Value = Number(isRange ? m.Groups[3].Value : m.Groups[1].Value),
                ValueMin = isRange ? Number(m.Groups[1].Value) : null,
                Unit = unit,
                Direction = dir.Value,
                Metric = Metric(printed, start, clause, contextStart, phraseStart),
                Deadline = deadline?.Date,
                DeadlineText = deadline?.Text,
            });
            contextStart = end2;
        }

        foreach (Match c in ChineseCountRegex().Matches(clause))
        {
            var value = ChineseNumerals.Parse(c.Groups[1].Value);
            var before = clause[..c.Index];
            if (quoted[c.Index]
                || value is null or < 2
                || targets.Any(t => t.Text.Contains(
                    printed.Substring(start + c.Index, c.Length),
                    StringComparison.Ordinal)))
            {
                continue;
            }

            var comparator = ComparatorAtEnd(before.TrimEnd());
            TargetDirection? dir = comparator?.Direction ?? (ContainsReachVerb(before) ? TargetDirection.Reach : null);
            if (dir is null)
            {
                continue;
            }

            var phraseStart = comparator is { } cmp ? before.TrimEnd().Length - cmp.Word.Length : c.Index;
            targets.Add(new ParsedTarget
            {
                Text = Printed(printed, start + phraseStart, start + c.Index + c.Length),
                Value = value,
                Unit = printed.Substring(start + c.Groups[2].Index, c.Groups[2].Length),
                Direction = dir.Value,
                Metric = Metric(printed, start, clause, 0, phraseStart),
                Deadline = deadline?.Date,
                DeadlineText = deadline?.Text,
            });
        }

        foreach (Match g in GradeRegex().Matches(clause))
        {
            if (quoted[g.Index])
            {
                continue;
            }

            var before = clause[..g.Index];
            var hasSignal = g.Groups[2].Success || before.EndsWith("达到", StringComparison.Ordinal)
                || before.EndsWith('达') || before.EndsWith("优于", StringComparison.Ordinal)
                || before.EndsWith("保持", StringComparison.Ordinal) || before.EndsWith("地表水", StringComparison.Ordinal);
            var isChinese = ChineseNumerals.IsNumeral(g.Groups[1].Value[0]);
            if (!hasSignal || (isChinese && !g.Groups[2].Success))
            {
                continue;
            }

            var grade = printed.Substring(
                start + g.Groups[1].Index,
                g.Index + g.Length - g.Groups[1].Index - g.Groups[2].Length - g.Groups[3].Length);
            var direction = g.Groups[3].Value is "及以上" or "以上" || before.EndsWith("优于", StringComparison.Ordinal)
                ? TargetDirection.AtLeast
                : g.Groups[3].Value == "及以下" ? TargetDirection.AtMost : TargetDirection.Reach;
            var phraseStart = before.EndsWith("达到", StringComparison.Ordinal) ? g.Index - 2
                : before.EndsWith('达') ? g.Index - 1 : g.Index;
            targets.Add(new ParsedTarget
            {
                Text = Printed(printed, start + phraseStart, start + g.Index + g.Length),
                Unit = grade.Trim(),
                Grade = grade.Trim(),
                Direction = direction,
                Metric = Metric(printed, start, clause, 0, phraseStart),
                Deadline = deadline?.Date,
                DeadlineText = deadline?.Text,
            });
        }
    }

    private static (string Word, TargetDirection Direction)? ComparatorAtEnd(string text)
    {
        foreach (var c in Comparators)
        {
            if (text.EndsWith(c.Word, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    private static bool ContainsReachVerb(string text) =>
        ReachVerbs.Any(v => text.Contains(v, StringComparison.Ordinal));

    private static (int End, string Suffix) Suffix(string clause, int index)
    {
        foreach (var s in new[] { "及以上", "以上的", "以上", "及以下", "以下", "以内", "之内", "左右", "内" })
        {
            if (string.CompareOrdinal(clause, index, s, 0, s.Length) == 0)
            {
                return (index + s.Length, s);
            }
        }

        return (index, "");
    }

    private static string? Metric(string printed, int offset, string clause, int contextStart, int phraseStart)
    {
        if (phraseStart <= contextStart)
        {
            return null;
        }

        var raw = printed.Substring(offset + contextStart, phraseStart - contextStart);
        var normalizedRaw = clause[contextStart..phraseStart];

        // Drop a leading year or deadline ("2023年", "全年") and separators.
        var skip = 0;
        var lead = LeadingYearRegex().Match(normalizedRaw);
        if (lead.Success)
        {
            skip = lead.Length;
        }

        // …and a leading deadline ("9月底前") or sub-item number ("（1）").
        var rest = normalizedRaw[skip..];
        var leadingDeadline = DeadlineParser.FindDated(rest, raw[skip..], null).FirstOrDefault(d => d.Index == 0);
        if (leadingDeadline is not null)
        {
            skip += leadingDeadline.Length;
        }

        if (Numbering.Match(normalizedRaw[skip..]) is { } subItem)
        {
            skip += subItem.Length;
        }

        var metric = TextNormalizer.CleanWhitespace(raw[skip..]).Trim('、', ',', '，', ' ', '；', ';');
        if (metric.Length > 24)
        {
            metric = metric[^24..];
        }

        return metric.Length == 0 ? null : metric;
    }

    [GeneratedRegex(@"^[、,\s]*(?:\d{4}年(?:年?底前|底前|内)?|全年|年内)?[、,\s]*")]
    private static partial Regex LeadingYearRegex();

    private static bool IsOrdinal(string clause, int index) => index > 0 && clause[index - 1] == '第';

    private static bool[] QuotedMask(string text)
    {
        var mask = new bool[text.Length + 1];
        var depth = 0;
        var straightOpen = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“' or '‘')
            {
                depth++;
            }
            else if (c is '”' or '’')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '"')
            {
                straightOpen = !straightOpen;
            }

            mask[i] = depth > 0 || straightOpen;
        }

        return mask;
    }

    private static IEnumerable<(int Start, int End)> Split(string text, int start, int end, string separators)
    {
        var from = start;
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '“' or '《')
            {
                depth++;
            }
            else if (c is ')' or ']' or '”' or '》')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && separators.Contains(c))
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

    private static string Printed(string printed, int from, int to) =>
        TextNormalizer.CleanWhitespace(printed[from..to]);

    private static decimal Number(string text)
        => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
