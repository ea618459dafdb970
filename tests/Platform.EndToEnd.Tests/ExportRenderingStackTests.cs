using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Testing;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The documents 渝中's office prints, stamps and sends up, downloaded from the demo through the gateway and printed to
/// PDF by LibreOffice the way the office would print them: the July 2023 ledger (台账) and bulletin (通报) as the office
/// prints them on 8 August, when the month's unreported tasks are red and lagging, and the directory workbook. PNGs of
/// their first pages are kept beside the browser tests' screenshots.
/// </summary>
[Collection(ReportingStackCollection.Name)]
public sealed partial class ExportRenderingStackTests(Stack stack) : IClassFixture<Stack>
{
    private const string Period = "2023-07";

    private static readonly Uri Clock = new(StackEndpoints.Hosts["reporting"], "/_clock");

    /// <summary>After July's due date and grace: the month's reports not handed in are red.</summary>
    private static readonly DateTimeOffset August8 = new(2023, 8, 8, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TheJulyLedgerPrintsOnePageWideInLandscapeWithItsHeaderOnEveryPage()
    {
        var leader = await stack.TokenAsync("yz.leader");
        var ledger = await OnAugust8Async(
            leader, () => DownloadAsync($"/api/v1/exports/ledger?period={Period}", leader));

        var printed = await DocumentRendering.RenderAsync(
            ledger, $"ledger-500103-{Period}.xlsx", pngName: $"ledger-500103-{Period}", pngPages: 2);

        // 渝中's 90 tasks (some with two lead units) and their report texts cannot fit one page.
        Assert.True(printed.Pages.Count >= 2, $"the ledger printed on {printed.Pages.Count} page(s)");
        Assert.All(printed.Pages, page => Assert.True(page.IsA4 && page.Landscape, $"not A4 landscape: {page}"));
        // One page wide, with the header on every page: each page holds the first column's header and the last one's.
        for (var page = 0; page < printed.PageTexts.Count; page++)
        {
            var text = printed.PageTexts[page];
            Assert.True(
                text.Contains("序号", StringComparison.Ordinal) && text.Contains("工作成效", StringComparison.Ordinal),
                $"page {page + 1} of the ledger lacks the header (序号 … 工作成效):\n{text}");
        }

        var first = printed.PageTexts[0];
        Assert.Contains("渝中区", first, StringComparison.Ordinal);
        Assert.Contains("2023年7月", first, StringComparison.Ordinal);
        Assert.Matches(LightWord(), string.Join('\n', printed.PageTexts));
        Assert.Contains("2", PageNumber(printed.PageTexts[1]), StringComparison.Ordinal);
        Assert.NotEmpty(printed.Images);
    }

    [Fact]
    public async Task TheJulyBulletinPrintsInChineseWithTablesWideEnoughToRead()
    {
        var leader = await stack.TokenAsync("yz.leader");
        var (bulletin, dashboard) = await OnAugust8Async(leader, async () => (
            await DownloadAsync($"/api/v1/exports/bulletin?period={Period}", leader),
            (await stack.GetAsync($"/api/v1/dashboards/district?period={Period}", leader)).Body));
        Assert.True(dashboard.GetProperty("lagging").GetArrayLength() > 0, "July has no lagging task on 8 August");

        var printed = await DocumentRendering.RenderAsync(
            bulletin, $"bulletin-500103-{Period}.docx", pngName: $"bulletin-500103-{Period}", pngPages: 3);

        Assert.All(printed.Pages, page => Assert.True(page.IsA4, $"a page of {page} is not A4"));
        var text = string.Join('\n', printed.PageTexts);
        Assert.Contains("渝中区2023年7月重点任务推进情况通报", Squeeze(text), StringComparison.Ordinal);
        Assert.Contains("一、总体情况", text, StringComparison.Ordinal);
        Assert.Contains("三、滞后任务", text, StringComparison.Ordinal);
        Assert.Contains("月报逾期未报", text, StringComparison.Ordinal);
        PrintChecks.AssertNoShortSegments(printed, bulletin);
        PrintChecks.AssertNoLatinWords(printed);

        // The summary counts what the dashboard counts, and never more on time than handed in.
        var reported = dashboard.GetProperty("reported").GetInt32();
        var onTime = dashboard.TryGetProperty("onTime", out var value) ? value.GetInt32() : 0;
        Assert.True(onTime <= reported, $"the dashboard says {onTime} on time of {reported} reported");
        var summary = Squeeze(text);
        Assert.Contains($"已报送{reported}项", summary, StringComparison.Ordinal);
        Assert.Contains($"按时报送{onTime}项", summary, StringComparison.Ordinal);
        Assert.NotEmpty(printed.Images);
    }

    [Fact]
    public async Task TheDirectoryWorkbookPrintsOnePageWideInLandscape()
    {
        var admin = await stack.TokenAsync("yz.admin");
        var (status, body, _) = await stack.GetAsync("/api/v1/units/import-template", admin);
        Assert.Equal(HttpStatusCode.OK, status);
        var template = Convert.FromBase64String(body.GetProperty("content").GetString()!);

        var printed = await DocumentRendering.RenderAsync(
            template, "directory-template.xlsx", pngName: "directory-template-500103");

        Assert.All(printed.Pages, page => Assert.True(page.IsA4 && page.Landscape, $"not A4 landscape: {page}"));
        var text = string.Join('\n', printed.PageTexts);
        Assert.Contains("所属单位组", text, StringComparison.Ordinal);
        Assert.Contains("手机", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <paramref name="read"/> with the reporting clock at 8 August 2023, once July's lights have turned, and puts
    /// the clock back.
    /// </summary>
    private async Task<T> OnAugust8Async<T>(string token, Func<Task<T>> read)
    {
        await stack.WaitForReportingAsync(token);
        var original = (await stack.Http.GetFromJsonAsync<JsonElement>(Clock)).GetProperty("now").GetString()!;
        try
        {
            await stack.SetClockAsync(Clock, August8);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var (_, dashboard, _) = await stack.GetAsync($"/api/v1/dashboards/district?period={Period}", token);
                if (dashboard.GetProperty("total").GetProperty("red").GetInt32() > 0 || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(500);
            }

            return await read();
        }
        finally
        {
            await stack.SetClockAsync(Clock, DateTimeOffset.Parse(original, CultureInfo.InvariantCulture));
        }
    }

    private async Task<byte[]> DownloadAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await stack.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, string.Empty);

    private static string PageNumber(string page) =>
        PageFooter().Match(page) is { Success: true } m ? m.Groups[1].Value : string.Empty;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[红黄绿]灯")]
    private static partial Regex LightWord();

    [GeneratedRegex(@"第\s*(\d+)\s*页")]
    private static partial Regex PageFooter();
}
