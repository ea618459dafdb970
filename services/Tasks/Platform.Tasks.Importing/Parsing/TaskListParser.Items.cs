using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>Closing categories and tasks: units, inheritance, deadlines, targets, indicators, warnings.</summary>
internal sealed partial class TaskListParser
{
    private void StartCategory(Line line, string? printedNumber, string restPrinted, string restNorm)
    {
        var builder = new CategoryBuilder(printedNumber, line.Number, line.Trimmed);
        var (text, textNorm, annotations) = ExtractAnnotations(restPrinted, restNorm, line);
        foreach (var annotation in annotations)
        {
            builder.Apply(annotation, firstIsLead);
        }

        // "市场准入。（牵头单位…）" → 市场准入; "加强统筹协调。坚持…" → 加强统筹协调, the rest is body text.
        var stop = textNorm.IndexOf('。');
        var title = stop >= 0 ? text[..stop] : text;
        var body = stop >= 0 ? text[(stop + 1)..].Trim() : "";
        builder.Title = TextNormalizer.CleanWhitespace(title).Trim().TrimEnd('.', ':', '：', ';', '；', ',', '，', '。');
        builder.Body = body.Length > 0 ? TextNormalizer.CleanWhitespace(body) : null;
        builder.Indicators = IndicatorRules.ForCategory(TextNormalizer.Normalize(builder.Title));
        category = builder;
        categories.Add(builder);
    }

    private void CloseCategory()
    {
        if (category is null)
        {
            return;
        }

        var c = category;
        category = null;
        if (c.TaskCount == 0)
        {
            if (c.HasUnits)
            {
                Warn("category-without-tasks", $"类别“{c.Title}”下没有任务 (category has no tasks)", c.Line, c.SourceText);
                return;
            }

            c.Kept = false;
            otherText.Add((c.Line, c.SourceText));
            foreach (var extra in c.SourceLines)
            {
                otherText.Add(extra);
            }

            return;
        }

        if (c.Body is not null)
        {
            otherText.Add((c.Line, c.Body));
        }
    }

    // ---------------------------------------------------------------- tasks

    private void CloseTask()
    {
        if (task is null)
        {
            return;
        }

        var t = task;
        task = null;
        var (text, textNorm, annotations) = ExtractAnnotations(t.Text, TextNormalizer.Normalize(t.Text), t.Line);
        annotations.AddRange(t.Annotations);

        var leads = new List<string>();
        var responsibles = new List<string>();
        var owners = new List<string>();
        var leaders = new List<string>();
        DeadlineMatch? deadline = null;
        foreach (var a in annotations)
        {
            leads.AddRange(a.Leads);
            responsibles.AddRange(a.Responsibles);
            owners.AddRange(a.Owners);
            leaders.AddRange(a.Leaders);
            if (a.DeadlineNormalized is not null)
            {
                deadline = DeadlineParser.ParseCell(a.DeadlineNormalized, a.DeadlinePrinted!, listYear);
            }
        }

        if (owners.Count > 0)
        {
            if (leads.Count > 0)
            {
                responsibles.InsertRange(0, owners);
            }
            else if (firstIsLead)
            {
                leads.Add(owners[0]);
                responsibles.InsertRange(0, owners.Skip(1));
            }
            else
            {
                leads.AddRange(owners);
            }
        }

        if (leads.Count == 0 && responsibles.Count > 0 && firstIsLead)
        {
            leads.Add(responsibles[0]);
            responsibles.RemoveAt(0);
        }

        var ownUnits = leads.Count > 0 || responsibles.Count > 0;
        if (!ownUnits && t.Category is { } inherited)
        {
            leads.AddRange(inherited.Leads);
            responsibles.AddRange(inherited.Responsibles);
        }

        if (leaders.Count == 0 && t.Category is { } withLeaders)
        {
            leaders.AddRange(withLeaders.Leaders);
        }

        leads = Distinct(Unglue(leads, t.Line));
        responsibles = Unglue(responsibles, t.Line);
        var leadKeys = leads.Select(Key).ToHashSet();
        responsibles = Distinct(responsibles).Where(r => !leadKeys.Contains(Key(r))).ToList();

        if (t.DeadlineCell is { } cell)
        {
            deadline = DeadlineParser.ParseCell(cell.Norm, cell.Printed, listYear);
            if (deadline is null)
            {
                Warn("deadline-not-understood", $"无法识别的完成时限“{cell.Printed}” (deadline not understood)", t.Line, cell.Printed);
            }
        }

        if (deadline is null)
        {
            var dated = DeadlineParser.FindDated(textNorm, text, listYear);
            deadline = dated.Count > 0 ? DeadlineParser.Latest(dated) : DeadlineParser.FindStandaloneOngoing(textNorm, text);
        }

        if (deadline is { Date: null } && listYear is null && !IsOngoing(deadline.Text))
        {
            Warn("deadline-without-year", $"完成时限“{deadline.Text}”缺少年份 (no year for the deadline)", t.Line, deadline.Text);
        }

        var fullText = text;
        if (t.Extra.Count > 0)
        {
            fullText = TextNormalizer.CleanWhitespace(text + "（" + string.Join("；", t.Extra) + "）");
        }

        var fullNorm = TextNormalizer.Normalize(fullText);
        var targets = TargetParser.Parse(fullText, fullNorm, listYear);

        foreach (var unit in leads.Concat(responsibles))
        {
            if (!UnitAnnotationParser.LooksLikeUnit(unit))
            {
                Warn("unit-name-unsure", $"“{unit}”不像单位名称，请核对 (does not look like a unit name)", t.Line, unit);
            }
        }

        if (leads.Count == 0)
        {
            Warn("task-without-lead", $"任务 {t.Number} 没有牵头单位 (task has no lead unit)", t.Line, Shorten(fullText));
        }

        if (fullText.Length == 0)
        {
            Warn("task-without-text", $"任务 {t.Number} 没有内容 (task has no text)", t.Line);
        }

        var categoryIndicators = t.Category?.Indicators ?? [];
        t.Built = new ParsedTask
        {
            Number = t.Number,
            Category = t.Category?.Title,
            Text = fullText,
            Context = t.Context,
            LeadUnits = leads,
            ResponsibleUnits = responsibles,
            Leaders = Distinct(leaders),
            Deadline = deadline?.Date,
            DeadlineText = deadline?.Text,
            Targets = targets,
            Indicators = IndicatorRules.ForTask(fullNorm, categoryIndicators),
            SourceLine = t.Line,
        };
        tasks.Add(t);
    }

    private List<string> Unglue(List<string> names, int line)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            if (glued.Split(name) is { } parts)
            {
                result.AddRange(parts);
                Warn(
                    "units-split",
                    glued.HasDirectory
                        ? $"“{name}”按单位名录拆分为 {string.Join("、", parts)} (glued unit names split by the directory)"
                        : $"“{name}”按单位名称后缀拆分为 {string.Join("、", parts)}，请核对 (glued unit names split on their suffixes: check)",
                    line,
                    name);
            }
            else
            {
                result.Add(name);
            }
        }

        return result;
    }

    private static bool IsOngoing(string text) => !Regex.IsMatch(text, @"\d|年|月");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Key(string unit) => TextNormalizer.Normalize(unit).Replace(" ", "", StringComparison.Ordinal);

    private static List<string> Distinct(IEnumerable<string> names)
    {
        var seen = new HashSet<string>();
        return names.Where(n => seen.Add(Key(n))).ToList();
    }

    /// <summary>
    /// Removes the unit annotations from a text: brackets naming units ("（牵头单位：X；责任单位：Y）", "〔…〕", "[…]",
    /// "（X牵头，Y按职责分工负责）") and a labelled tail ("…。牵头单位：X"). A bracket that names units but cannot be read stays
    /// in the text and is reported.
    /// </summary>
    private (string Text, string Norm, List<UnitAnnotation> Annotations) ExtractAnnotations(string printed, string norm, Line line) =>
        ExtractAnnotations(printed, norm, line.Number);

    private (string Text, string Norm, List<UnitAnnotation> Annotations) ExtractAnnotations(string printed, string norm, int lineNumber)
    {
        var annotations = new List<UnitAnnotation>();
        var remove = new List<(int Start, int End)>();
        var depth = 0;
        var open = -1;
        for (var i = 0; i < norm.Length; i++)
        {
            var c = norm[i];
            if (c is '(' or '[')
            {
                if (depth == 0)
                {
                    open = i;
                }

                depth++;
            }
            else if (c is ')' or ']' && depth > 0)
            {
                depth--;
                if (depth == 0 && open >= 0)
                {
                    var inner = norm[(open + 1)..i];
                    if (UnitAnnotationParser.LooksLikeAnnotation(inner))
                    {
                        var annotation = UnitAnnotationParser.Parse(inner, printed[(open + 1)..i]);
                        if (annotation is not null)
                        {
                            annotations.Add(annotation);
                            remove.Add((open, i + 1));
                        }
                        else if (IsAnnotationLike(inner))
                        {
                            Warn("unparsed-units", "括号中的单位无法解析，已保留在任务内容中 (bracket naming units not understood; kept in the text)", lineNumber, printed[open..(i + 1)]);
                        }
                    }
                }
            }
        }

        // A labelled tail without brackets: "…。牵头单位：X；责任单位：Y".
        var tail = Regex.Match(norm, @"(?<=^|[。;,\s])(?:牵头单位|责任单位|牵头部门|责任部门|配合单位)\s*:");
        if (tail.Success && !remove.Any(r => tail.Index >= r.Start && tail.Index < r.End))
        {
            var end = remove.Where(r => r.Start > tail.Index).Select(r => r.Start).DefaultIfEmpty(norm.Length).Min();
            var annotation = UnitAnnotationParser.Parse(norm[tail.Index..end], printed[tail.Index..end]);
            if (annotation is not null)
            {
                annotations.Add(annotation);
                remove.Add((tail.Index, end));
            }
        }

        if (remove.Count == 0)
        {
            var clean = TextNormalizer.CleanWhitespace(printed).Trim();
            return (clean, TextNormalizer.Normalize(clean), annotations);
        }

        var builder = new System.Text.StringBuilder();
        var from = 0;
        foreach (var (start, end) in remove.OrderBy(r => r.Start))
        {
            if (start < from)
            {
                continue;
            }

            builder.Append(printed, from, start - from);
            from = end;
        }

        builder.Append(printed, from, printed.Length - from);
        var text = TextNormalizer.CleanWhitespace(builder.ToString()).Trim();
        text = Regex.Replace(text, "[，,；;]+(?=[。.]?$)", "");
        text = Regex.Replace(text, "。。", "。");
        return (text, TextNormalizer.Normalize(text), annotations);
    }

    private static bool IsAnnotationLike(string inner) =>
        Regex.IsMatch(inner, @"牵头|责任单位|配合单位|责任领导") || inner.EndsWith("负责", StringComparison.Ordinal);

    private void Warn(string code, string message, Line line) => Warn(code, message, line.Number, line.Trimmed);

    private void Warn(string code, string message, int line, string? sourceText = null) =>
        warnings.Add(new ParseWarning { Code = code, Message = message, Line = line, SourceText = sourceText });
}
