using System.Text.Json;

namespace Platform.Cli.Tests;

/// <summary>`platform parse FILE [--json]` run in-process, as the shell would run it.</summary>
public sealed class ParseCommandTests
{
    private static readonly string Yuzhong = Path.Combine(
        RepoRoot(), "tests", "Platform.Tasks.Importing.Tests", "Fixtures", "yuzhong-2023-tasklist.txt");

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PlatformCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task JsonOutputFollowsTheDesignSchemaWithChineseUnescaped()
    {
        var (exit, output, error) = await Run("parse", Yuzhong, "--json");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("\"docNumber\": \"渝中府办〔2023〕32号\"", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var notice = root.GetProperty("notice");
        foreach (var field in new[] { "docNumber", "issuer", "issuedOn", "title", "reporting", "contact" })
        {
            Assert.True(notice.TryGetProperty(field, out _), field);
        }

        Assert.Equal("2023-06-28", notice.GetProperty("issuedOn").GetString());
        Assert.Equal("monthly", notice.GetProperty("reporting").GetProperty("cadence").GetString());
        Assert.Equal("month-end", notice.GetProperty("reporting").GetProperty("dueRule").GetString());
        Assert.Equal("区营商办", notice.GetProperty("reporting").GetProperty("reportTo").GetString());
        Assert.Equal(17, root.GetProperty("categories").GetArrayLength());
        foreach (var field in new[] { "number", "title", "leadUnits", "responsibleUnits", "indicators" })
        {
            Assert.True(root.GetProperty("categories")[0].TryGetProperty(field, out _), field);
        }

        var tasks = root.GetProperty("tasks");
        Assert.Equal(90, tasks.GetArrayLength());
        var task9 = tasks[8];
        var fields = new[]
        {
            "number", "category", "text", "leadUnits", "responsibleUnits", "deadline", "deadlineText", "targets",
            "indicators",
        };
        foreach (var field in fields)
        {
            Assert.True(task9.TryGetProperty(field, out _), field);
        }

        Assert.Equal("9", task9.GetProperty("number").GetString());
        Assert.Equal("办理建筑许可", task9.GetProperty("category").GetString());
        var target = task9.GetProperty("targets")[0];
        Assert.Equal("由50个工作日压减至45个工作日", target.GetProperty("text").GetString());
        Assert.Equal(45m, target.GetProperty("value").GetDecimal());
        Assert.Equal("个工作日", target.GetProperty("unit").GetString());
        Assert.Equal(50m, target.GetProperty("baseline").GetDecimal());
        Assert.Equal("Decrease", target.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
    }

    [Theory]
    [InlineData("a09-yingpu-yingshang-xingdong-fangan.txt", "task-without-lead")]
    [InlineData("c02-qinghe-mubiao-renwu.txt", "notice-date-damaged")]
    [InlineData("b08-jinyang-shengji-luoshi.txt", "units-split")]
    public async Task EachOfTheThreeLayoutsItOnceRefusedGivesEveryTaskAndNamesWhatWasGuessed(
        string document, string guess)
    {
        // A traditional-character plan behind a web page's junk, a one-cell-per-line 分解表 with a damaged date, and a
        // two-level table with glued unit names: the corpus's answer key says how many tasks each holds.
        var corpus = Path.Combine(RepoRoot(), "tests", "Platform.Tasks.Importing.Tests", "Corpus");
        using var key = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(corpus, Path.ChangeExtension(document, ".json"))));

        var (exit, output, error) = await Run("parse", Path.Combine(corpus, document), "--json");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            key.RootElement.GetProperty("tasks").GetArrayLength(),
            json.RootElement.GetProperty("tasks").GetArrayLength());
        Assert.Contains(
            json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == guess);
        if (document.StartsWith('b'))
        {
            Assert.All(
                json.RootElement.GetProperty("tasks").EnumerateArray(),
                t => Assert.False(string.IsNullOrEmpty(t.GetProperty("context").GetString())));
        }
    }

    [Fact]
    public async Task SummaryShowsNoticeCategoriesTargetsAndWarnings()
    {
        var (exit, output, _) = await Run("parse", Yuzhong);

        Assert.Equal(0, exit);
        Assert.Contains("渝中府办〔2023〕32号", output, StringComparison.Ordinal);
        Assert.Contains("类别 Categories: 17    任务 Tasks: 90", output, StringComparison.Ordinal);
        Assert.Contains("市政公用基础设施报装", output, StringComparison.Ordinal);
        Assert.Contains("由50个工作日压减至45个工作日", output, StringComparison.Ordinal);
        Assert.Contains("警告 Warnings: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileFailsWithOneLineReason()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt");
        var (exit, output, error) = await Run("parse", missing, "--json");

        Assert.NotEqual(0, exit);
        Assert.Empty(output);
        Assert.StartsWith("platform parse: file not found:", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task RejectedDocumentFailsWithItsReason()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await File.WriteAllBytesAsync(path, []);
        try
        {
            var (exit, output, error) = await Run("parse", path, "--json");

            Assert.Equal(1, exit);
            Assert.Empty(output);
            Assert.StartsWith("platform parse: empty:", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
