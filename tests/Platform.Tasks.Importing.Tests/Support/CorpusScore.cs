using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>The answer key of one corpus document (its <c>.json</c> beside the <c>.txt</c>).</summary>
public sealed record CorpusExpectation
{
    public required string Title { get; init; }

    public required string Kind { get; init; }

    public string? ModelledOn { get; init; }

    public string? Layout { get; init; }

    public int Year { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public required IReadOnlyList<ExpectedTask> Tasks { get; init; }
}

public sealed record ExpectedTask
{
    public required string TextStart { get; init; }

    public string? Context { get; init; }

    public IReadOnlyList<string> Lead { get; init; } = [];

    public IReadOnlyList<string> Responsible { get; init; } = [];

    public IReadOnlyList<ExpectedTarget> Targets { get; init; } = [];

    /// <summary>The canonical indicators a reader gives the task (NDRC names and B-READY topics).</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>Present (possibly null: "长期坚持") when the task states a deadline; absent when it states none.</summary>
    [JsonIgnore]
    public bool HasDeadline { get; init; }

    [JsonIgnore]
    public DateOnly? Deadline { get; init; }
}

public sealed record ExpectedTarget(decimal Value, string Unit);

/// <summary>How well the importer reads one document against its answer key.</summary>
public sealed record CorpusScore(
    string Document,
    int Expected,
    int Found,
    int Recognised,
    int LeadExact,
    int ResponsibleExact,
    int TargetsExpected,
    int TargetsFound,
    int DeadlinesExpected,
    int DeadlinesRight,
    IReadOnlyList<string> Misses)
{
    /// <summary>Indicator tags of the recognised tasks: suggested and right, suggested and wrong, missed.</summary>
    public (int Right, int Wrong, int Missed) Indicators { get; init; }
    public static CorpusScore Sum(string name, IEnumerable<CorpusScore> scores)
    {
        var all = scores.ToList();
        return new CorpusScore(
            name,
            all.Sum(s => s.Expected),
            all.Sum(s => s.Found),
            all.Sum(s => s.Recognised),
            all.Sum(s => s.LeadExact),
            all.Sum(s => s.ResponsibleExact),
            all.Sum(s => s.TargetsExpected),
            all.Sum(s => s.TargetsFound),
            all.Sum(s => s.DeadlinesExpected),
            all.Sum(s => s.DeadlinesRight),
            [.. all.SelectMany(s => s.Misses)])
        {
            Indicators = (
                all.Sum(s => s.Indicators.Right),
                all.Sum(s => s.Indicators.Wrong),
                all.Sum(s => s.Indicators.Missed)),
        };
    }

    public double IndicatorPrecision => Ratio(Indicators.Right, Indicators.Right + Indicators.Wrong);

    public double IndicatorRecall => Ratio(Indicators.Right, Indicators.Right + Indicators.Missed);

    public double TaskRecall => Ratio(Found, Expected);

    /// <summary>Of the tasks the importer recognised, the share the answer key has (extra "tasks" lower it).</summary>
    public double TaskPrecision => Ratio(Found, Recognised);

    public double LeadAccuracy => Ratio(LeadExact, Expected);

    public double ResponsibleAccuracy => Ratio(ResponsibleExact, Expected);

    public double TargetRecall => Ratio(TargetsFound, TargetsExpected);

    public double DeadlineAccuracy => Ratio(DeadlinesRight, DeadlinesExpected);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Document} | {Expected} | {TaskRecall:P0} | {TaskPrecision:P0} | {LeadAccuracy:P0} | "
        + $"{ResponsibleAccuracy:P0} | {TargetRecall:P0} | {DeadlineAccuracy:P0} | {IndicatorPrecision:P0} | "
        + $"{IndicatorRecall:P0} |");

    public const string Header =
        "| document | tasks | task recall | task precision | lead exact | responsible exact | target recall "
        + "| deadline right | indicator precision | indicator recall |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
}

/// <summary>Reads the corpus and scores the importer on it.</summary>
public static class Corpus
{
    public static string Folder
        => Path.Combine(RepoFiles.RootPath, "tests", "Platform.Tasks.Importing.Tests", "Corpus");

    public static IReadOnlyList<string> Documents() =>
        [.. Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The documents with an answer key (the corpus test fails for one without).</summary>
    public static IReadOnlyList<string> Scored() =>
        [.. Documents().Where(d => File.Exists(Path.Combine(Folder, Path.ChangeExtension(d, ".json"))))];

    public static string Text(string document) => File.ReadAllText(Path.Combine(Folder, document));

    public static CorpusExpectation Expectation(string document)
    {
        var json = File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(document, ".json")));
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        var expectation = JsonSerializer.Deserialize<CorpusExpectation>(json, options)
            ?? throw new InvalidDataException(document + ": empty answer key");

        // Whether "deadline" is present (even as null) matters: read it from the JSON itself.
        using var doc = JsonDocument.Parse(json);
        var tasks = doc.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        return expectation with
        {
            Tasks = [.. expectation.Tasks.Select((t, i) => tasks[i].TryGetProperty("deadline", out var d)
                ? t with
                {
                    HasDeadline = true,
                    Deadline = d.ValueKind == JsonValueKind.Null
                        ? null
                        : DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture),
                }
                : t)],
        };
    }

    public static byte[] Bytes(string document, string format) => format switch
    {
        FixtureFormat.Txt => Encoding.UTF8.GetBytes(Text(document)),
        FixtureFormat.Docx => DocxFixtureBuilder.Build(Text(document)),
        FixtureFormat.Pdf => PdfFixtureBuilder.Build(Text(document)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static CorpusScore Score(string document, string format)
    {
        var expectation = Expectation(document);
        ParsedTaskList parsed;
        try
        {
            parsed = TaskListImporter.Parse(Bytes(document, format), Path.ChangeExtension(document, format));
        }
        catch (DocumentRejectedException e)
        {
            return new CorpusScore(
                document, expectation.Tasks.Count, 0, 0, 0, 0, expectation.Tasks.Sum(t => t.Targets.Count), 0,
                expectation.Tasks.Count(t => t.HasDeadline), 0, [$"{document}: rejected: {e.Message}"]);
        }

        return Score(document, expectation, parsed);
    }

    public static CorpusScore Score(string document, CorpusExpectation expectation, ParsedTaskList parsed)
    {
        var remaining = parsed.Tasks.ToList();
        var misses = new List<string>();
        int indicatorsRight = 0, indicatorsWrong = 0, indicatorsMissed = 0;
        int found = 0, leads = 0, responsibles = 0, targetsExpected = 0, targetsFound = 0;
        int deadlinesExpected = 0, deadlinesRight = 0;
        foreach (var expected in expectation.Tasks)
        {
            targetsExpected += expected.Targets.Count;
            deadlinesExpected += expected.HasDeadline ? 1 : 0;
            var start = Key(expected.TextStart);
            var task = remaining.FirstOrDefault(t => Key(t.Text).StartsWith(start, StringComparison.Ordinal)
                && (expected.Context is null
                    || Key(t.Context ?? "").StartsWith(Key(expected.Context), StringComparison.Ordinal)));
            if (task is null)
            {
                misses.Add($"{document}: no task “{expected.TextStart}”");
                continue;
            }

            remaining.Remove(task);
            found++;
            string Mismatch(string what, IEnumerable<string> got, IEnumerable<string> wanted) =>
                $"{document}: “{expected.TextStart}” {what} [{string.Join("、", got)}], "
                + $"expected [{string.Join("、", wanted)}]";

            if (Same(task.LeadUnits, expected.Lead))
            {
                leads++;
            }
            else
            {
                misses.Add(Mismatch("lead", task.LeadUnits, expected.Lead));
            }

            if (Same(task.ResponsibleUnits, expected.Responsible))
            {
                responsibles++;
            }
            else
            {
                misses.Add(Mismatch("responsible", task.ResponsibleUnits, expected.Responsible));
            }

            foreach (var target in expected.Targets)
            {
                if (task.Targets.Any(t => t.Value == target.Value && Key(t.Unit ?? "") == Key(target.Unit)))
                {
                    targetsFound++;
                }
                else
                {
                    misses.Add($"{document}: “{expected.TextStart}” target {target.Value}{target.Unit} not found "
                        + $"(found {string.Join("; ", task.Targets.Select(t => $"{t.Value}{t.Unit}"))})");
                }
            }

            var suggested = task.Indicators.ToHashSet(StringComparer.Ordinal);
            indicatorsRight += expected.Indicators.Count(suggested.Contains);
            indicatorsMissed += expected.Indicators.Count(i => !suggested.Contains(i));
            indicatorsWrong += suggested.Count(i => !expected.Indicators.Contains(i));
            if (!suggested.SetEquals(expected.Indicators))
            {
                misses.Add(Mismatch("indicators", task.Indicators, expected.Indicators));
            }

            if (expected.HasDeadline)
            {
                if (task.Deadline == expected.Deadline)
                {
                    deadlinesRight++;
                }
                else
                {
                    misses.Add($"{document}: “{expected.TextStart}” deadline {Day(task.Deadline)} "
                        + $"({task.DeadlineText}), expected {Day(expected.Deadline)}");
                }
            }
        }

        foreach (var extra in remaining)
        {
            misses.Add($"{document}: extra task {extra.Number} “{Shorten(extra.Text)}” (line {extra.SourceLine})");
        }

        return new CorpusScore(
            document,
            expectation.Tasks.Count,
            found,
            parsed.Tasks.Count,
            leads,
            responsibles,
            targetsExpected,
            targetsFound,
            deadlinesExpected,
            deadlinesRight,
            misses)
        {
            Indicators = (indicatorsRight, indicatorsWrong, indicatorsMissed),
        };
    }

    private static bool Same(IReadOnlyList<string> actual, IReadOnlyList<string> expected) =>
        actual.Select(Key).SequenceEqual(expected.Select(Key));

    private static string Key(string text) =>
        new(TextNormalizer.Normalize(text).Where(c => !char.IsWhiteSpace(c) && !"\"“”‘’'".Contains(c)).ToArray());

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private static string Day(DateOnly? date) => date?.ToString("O", CultureInfo.InvariantCulture) ?? "none";
}
