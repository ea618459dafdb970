using System.Text.Json;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>Every fixture reads the same from .txt, .docx and .pdf, and no text of it is lost.</summary>
public sealed class FormatEquivalenceTests
{
    public static readonly string[] Fixtures =
    [
        "yuzhong-2023-tasklist.txt",
        "layout-a-category-units.txt",
        "layout-b-task-brackets.txt",
        "layout-c-lead-phrases.txt",
        "layout-d-unit-lines.txt",
        "layout-e-pipe-table.txt",
        "layout-e-cell-lines.txt",
        "traditional.txt",
        "targets-and-traps.txt",
        "layout-mixed-brackets-and-table.txt",
    ];

    public static TheoryData<string> FixtureNames => [.. Fixtures];

    public static TheoryData<string, string> FixturesInEveryFormat
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var fixture in Fixtures)
            {
                foreach (var format in new[] { FixtureFormat.Txt, FixtureFormat.Docx, FixtureFormat.Pdf })
                {
                    data.Add(fixture, format);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void DocxAndPdfGiveTheSameTasksAsText(string fixture)
    {
        var text = Comparable(FixtureFormat.Parse(fixture, FixtureFormat.Txt));

        Assert.Equal(text, Comparable(FixtureFormat.Parse(fixture, FixtureFormat.Docx)));
        Assert.Equal(text, Comparable(FixtureFormat.Parse(fixture, FixtureFormat.Pdf)));
    }

    [Theory]
    [MemberData(nameof(FixturesInEveryFormat))]
    public void NoSourceTextIsLost(string fixture, string format)
    {
        var parsed = FixtureFormat.Parse(fixture, format);

        Assert.Empty(SourceCoverage.LostFragments(RepoFiles.FixtureText(fixture), parsed));
    }

    [Fact]
    public void CoverageCheckNoticesADroppedTask()
    {
        var parsed = FixtureFormat.Parse("layout-c-lead-phrases.txt", FixtureFormat.Txt);
        var withoutTask = parsed with { Tasks = parsed.Tasks.Where(t => t.Number != "3").ToList() };

        Assert.Contains(
            "破产案件平均审理周期缩减至300天",
            SourceCoverage.LostFragments(RepoFiles.FixtureText("layout-c-lead-phrases.txt"), withoutTask));
    }

    /// <summary>Tasks and categories without source line numbers (lines differ between formats), as JSON.</summary>
    private static string Comparable(ParsedTaskList parsed) => JsonSerializer.Serialize(new
    {
        parsed.Notice,
        parsed.Categories,
        Tasks = parsed.Tasks.Select(t => t with { SourceLine = 0 }),
        Warnings = parsed.Warnings.Select(w => w.Code),
    });
}
