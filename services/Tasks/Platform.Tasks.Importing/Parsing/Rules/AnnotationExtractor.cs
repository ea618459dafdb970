using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Takes the unit annotations out of a task's or a heading's text: brackets naming units ("（牵头单位：X；责任单位：Y）",
/// "〔…〕", "[…]", "（X牵头，Y按职责分工负责）") and a labelled tail ("…。牵头单位：X"). A bracket that names units but cannot
/// be read stays in the text and is reported.
/// </summary>
internal static class AnnotationExtractor
{
    public static (string Text, string Norm, List<UnitAnnotation> Annotations) Extract(
        string printed,
        string norm,
        int lineNumber,
        List<ParseWarning> warnings)
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
                            warnings.Add(new ParseWarning
                            {
                                Code = "unparsed-units",
                                Message = "括号中的单位无法解析，已保留在任务内容中 "
                                    + "(bracket naming units not understood; kept in the text)",
                                Line = lineNumber,
                                SourceText = printed[open..(i + 1)],
                            });
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
}
