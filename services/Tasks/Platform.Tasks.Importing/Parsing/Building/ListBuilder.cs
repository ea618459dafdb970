using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// The list being built as the layouts read the document: the open category and task, what is finished, the other
/// text and the warnings. Closing a task applies the shared rules by name: <see cref="AnnotationExtractor"/>,
/// <see cref="UnitAssignment"/>, <see cref="DeadlineParser"/>, <see cref="TargetParser"/>,
/// <see cref="IndicatorRules"/>.
/// </summary>
internal sealed class ListBuilder(bool firstIsLead, GluedUnitNames glued)
{
    private readonly List<(int Line, string Text)> otherText = [];
    private readonly List<ParseWarning> warnings = [];
    private readonly List<CategoryBuilder> categories = [];
    private readonly List<TaskBuilder> tasks = [];

    /// <summary>Whether the document says its first listed unit leads ("第一责任单位为牵头单位").</summary>
    public bool FirstIsLead { get; } = firstIsLead;

    /// <summary>The list's year (from the title, the doc number or the date), for deadlines without one.</summary>
    public int? ListYear { get; set; }

    public CategoryBuilder? Category { get; private set; }

    public TaskBuilder? Task { get; private set; }

    public int TaskCount => tasks.Count;

    /// <summary>Opens a task (closing the one open) in the open category.</summary>
    public TaskBuilder StartTask(string number, int line, string? context = null)
    {
        CloseTask();
        Task = new TaskBuilder(number, Category, line) { Context = context };
        Category?.AddTask();
        return Task;
    }

    public void AddOther(int line, string text) => otherText.Add((line, text));

    public void AddOther((int Line, string Text) line) => otherText.Add(line);

    public void Warn(string code, string message, Block line) => Warn(code, message, line.Number, line.Trimmed);

    public void Warn(string code, string message, int line, string? sourceText = null) =>
        warnings.Add(new ParseWarning { Code = code, Message = message, Line = line, SourceText = sourceText });

    public void StartCategory(Block line, string? printedNumber, string restPrinted, string restNorm)
    {
        var builder = new CategoryBuilder(printedNumber, line.Number, line.Trimmed);
        var (text, textNorm, annotations) = AnnotationExtractor.Extract(restPrinted, restNorm, line.Number, warnings);
        foreach (var annotation in annotations)
        {
            builder.Apply(annotation, FirstIsLead);
        }

        (builder.Title, builder.Body) = CategoryHeading.Read(text, textNorm);
        builder.Indicators = IndicatorRules.ForCategory(TextNormalizer.Normalize(builder.Title));
        Category = builder;
        categories.Add(builder);
    }

    public void CloseCategory()
    {
        if (Category is null)
        {
            return;
        }

        var c = Category;
        Category = null;
        if (c.TaskCount == 0)
        {
            if (c.HasUnits)
            {
                Warn("category-without-tasks", $"类别“{c.Title}”下没有任务 (category has no tasks)", c.Line, c.SourceText);
                return;
            }

            c.Kept = false;
            AddOther((c.Line, c.SourceText));
            foreach (var extra in c.SourceLines)
            {
                AddOther(extra);
            }

            return;
        }

        if (c.Body is not null)
        {
            AddOther((c.Line, c.Body));
        }
    }

    public void CloseTask()
    {
        if (Task is null)
        {
            return;
        }

        var t = Task;
        Task = null;
        var (text, textNorm, annotations) = AnnotationExtractor.Extract(
            t.Text,
            TextNormalizer.Normalize(t.Text),
            t.Line,
            warnings);
        annotations.AddRange(t.Annotations);

        DeadlineMatch? deadline = null;
        foreach (var a in annotations.Where(a => a.DeadlineNormalized is not null))
        {
            deadline = DeadlineParser.ParseCell(a.DeadlineNormalized!, a.DeadlinePrinted!, ListYear);
        }

        var units = UnitAssignment.Assign(annotations, t.Category, FirstIsLead, glued);
        foreach (var (name, parts) in units.Splits)
        {
            Warn(
                "units-split",
                glued.HasDirectory
                    ? $"“{name}”按单位名录拆分为 {string.Join("、", parts)} (glued unit names split by the directory)"
                    : $"“{name}”按单位名称后缀拆分为 {string.Join("、", parts)}，请核对 "
                        + "(glued unit names split on their suffixes: check)",
                t.Line,
                name);
        }

        var leads = units.Leads;
        var responsibles = units.Responsibles;

        if (t.DeadlineCell is { } cell)
        {
            deadline = DeadlineParser.ParseCell(cell.Norm, cell.Printed, ListYear);
            if (deadline is null)
            {
                Warn(
                    "deadline-not-understood",
                    $"无法识别的完成时限“{cell.Printed}” (deadline not understood)",
                    t.Line,
                    cell.Printed);
            }
        }

        if (deadline is null)
        {
            var dated = DeadlineParser.FindDated(textNorm, text, ListYear);
            deadline = dated.Count > 0
                ? DeadlineParser.Latest(dated)
                : DeadlineParser.FindStandaloneOngoing(textNorm, text);
        }

        if (deadline is { Date: null } && ListYear is null && !IsOngoing(deadline.Text))
        {
            Warn(
                "deadline-without-year",
                $"完成时限“{deadline.Text}”缺少年份 (no year for the deadline)",
                t.Line,
                deadline.Text);
        }

        var fullText = text;
        if (t.Extra.Count > 0)
        {
            fullText = TextNormalizer.CleanWhitespace(text + "（" + string.Join("；", t.Extra) + "）");
        }

        var fullNorm = TextNormalizer.Normalize(fullText);
        var targets = TargetParser.Parse(fullText, fullNorm, ListYear);

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
            Leaders = units.Leaders,
            Deadline = deadline?.Date,
            DeadlineText = deadline?.Text,
            Targets = targets,
            Indicators = IndicatorRules.ForTask(fullNorm, categoryIndicators),
            SourceLine = t.Line,
        };
        tasks.Add(t);
    }

    private static bool IsOngoing(string text) => !Regex.IsMatch(text, @"\d|年|月");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>
    /// A section none of whose numbered items names a unit, a target or a deadline, in a list whose other tasks name
    /// their units (五、有关说明 with its items 1. 2. 3.), is not a section of tasks: its items are kept as other text
    /// and reported, so a heading the parser does not know still does not turn notes into tasks.
    /// </summary>
    public void SetAsideSectionsWithoutUnits()
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
            Warn(
                "section-not-tasks",
                $"“{section.Key.Title}”下的 {section.Count()} 项没有单位、目标或时限，未作为任务 (items of a section naming no unit, "
                + "target or deadline are not tasks)",
                section.Key.Line,
                section.Key.SourceText);
            section.Key.Kept = false;
            AddOther((section.Key.Line, section.Key.SourceText));
            foreach (var t in section)
            {
                AddOther((t.Line, $"{t.Number}.{t.Built!.Text}"));
                tasks.Remove(t);
            }
        }
    }

    /// <summary>The list, once the document has been read.</summary>
    public ParsedTaskList Build(Notice notice)
    {
        var otherParagraphs = otherText.OrderBy(o => o.Line).Select(o => o.Text).ToList();
        return new ParsedTaskList
        {
            Notice = notice with
            {
                Reporting = NoticeReader.FindReporting(otherParagraphs),
                Contact = NoticeReader.FindContact(otherParagraphs),
            },
            Categories = [.. categories.Where(c => c.Kept).Select((c, index) => c.Build(index + 1))],
            Tasks = [.. tasks.Select(t => t.Built!)],
            Warnings = [.. warnings.OrderBy(w => w.Line ?? 0)],
            OtherText = otherParagraphs,
        };
    }
}
