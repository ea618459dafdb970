using System.Globalization;
using Platform.Tasks.Importing.Tests.Support;
using Xunit.Abstractions;
using Floor = (double Tasks, double Lead, double Responsible, double Targets, double Deadlines);

namespace Platform.Tasks.Importing.Tests;

/// <summary>
/// Scores the importer on the whole corpus (<c>Corpus/</c>: lists of other districts, cities and provinces in the
/// layouts they publish, each with its answer key) and fails below the score it reached when the corpus was built, so a
/// change that reads one layout better and another worse is seen.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// The floor per format: task recall, lead exact, responsible exact, target recall, deadline right.
    /// </summary>
    private static readonly Dictionary<string, Floor> Floors = new()
    {
        [FixtureFormat.Txt] = (1.0, 1.0, 1.0, 0.985, 1.0),
        [FixtureFormat.Docx] = (0.995, 0.995, 0.995, 0.985, 0.99),
        [FixtureFormat.Pdf] = (0.995, 0.985, 0.985, 0.98, 0.99),
    };

    /// <summary>Indicator suggestions: the share right of those made, the share made of those a reader gives.</summary>
    private static readonly (double Precision, double Recall) IndicatorFloor = (0.84, 0.74);

    public static TheoryData<string> Formats => [FixtureFormat.Txt, FixtureFormat.Docx, FixtureFormat.Pdf];

    [Fact]
    public void TheCorpusHasThirtyDocumentsEachWithItsAnswerKey()
    {
        var documents = Corpus.Documents();

        Assert.True(documents.Count >= 30, $"{documents.Count} documents in the corpus");
        foreach (var document in documents)
        {
            var text = Corpus.Text(document);
            var expectation = Corpus.Expectation(document);
            Assert.NotEmpty(expectation.Tasks);
            foreach (var task in expectation.Tasks)
            {
                Assert.True(
                    text.Contains(task.TextStart, StringComparison.Ordinal),
                    $"{document}: “{task.TextStart}” is not in the text");
            }
        }
    }

    [Fact]
    public void EveryNoticeDateIsReadEvenWithItsMonthAndDayRunTogether()
    {
        var dated = Corpus.Scored().Where(d => Corpus.Expectation(d).IssuedOn is not null).ToList();

        Assert.True(dated.Count >= 10);
        foreach (var document in dated)
        {
            var parsed = TaskListImporter.Parse(Corpus.Bytes(document, FixtureFormat.Txt), document);
            Assert.True(
                Corpus.Expectation(document).IssuedOn == parsed.Notice.IssuedOn,
                $"{document}: {parsed.Notice.IssuedOn}");
        }

        var damaged = TaskListImporter.Parse(Corpus.Bytes("c02-qinghe-mubiao-renwu.txt", FixtureFormat.Txt), "c02.txt");
        Assert.Contains(damaged.Warnings, w => w.Code == "notice-date-damaged" && w.SourceText == "202426日");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TheImporterReadsTheCorpusAtLeastAsWellAsWhenItWasBuilt(string format)
    {
        var scores = Corpus.Scored().Select(d => Corpus.Score(d, format)).ToList();
        var total = CorpusScore.Sum($"**all {scores.Count} ({format})**", scores);

        output.WriteLine(CorpusScore.Header);
        foreach (var score in scores)
        {
            output.WriteLine(score.Row());
        }

        output.WriteLine(total.Row());
        output.WriteLine("");
        foreach (var miss in total.Misses)
        {
            output.WriteLine(miss);
        }

        var floor = Floors[format];
        var summary = string.Create(CultureInfo.InvariantCulture, $"{format}: {total.Row()}");
        Assert.True(total.TaskRecall >= floor.Tasks, summary);
        Assert.True(total.LeadAccuracy >= floor.Lead, summary);
        Assert.True(total.ResponsibleAccuracy >= floor.Responsible, summary);
        Assert.True(total.TargetRecall >= floor.Targets, summary);
        Assert.True(total.DeadlineAccuracy >= floor.Deadlines, summary);

        // Indicator suggestions against the readers' tags: both measured, so a rule that adds noise shows as well as
        // one that misses.
        Assert.True(total.IndicatorPrecision >= IndicatorFloor.Precision, summary);
        Assert.True(total.IndicatorRecall >= IndicatorFloor.Recall, summary);
    }
}
