using System.Net;
using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Reporting.V1;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Public;

namespace Platform.Reporting.Tests;

/// <summary>
/// The public progress page: minimal by default, unpublished until the office publishes it, each field public only
/// when ticked, one district's page never showing another's tasks, hostile codes refused, and a feed entry for each
/// change of a task's public status, once however often the news arrives.
/// </summary>
public sealed class PublicPageTests(PublicPageApp app) : IClassFixture<PublicPageApp>
{
    private static readonly string[] MinimalTaskFields = ["number", "status", "text"];

    [Fact]
    public async Task ADistrictsPageStartsMinimalAndUnpublishedAndIsNotFoundLikeAnUnknownDistrict()
    {
        // 500106 has never set its page: every tick off, not published.
        var settings = await app.Pages.GetPublicPageAsync(
            new GetPublicPageRequest(), PublicPageApp.Bearer(app.Admin("500106")));
        Assert.False(settings.Published);
        Assert.Equal(new PublicFieldTicks(), settings.Fields);
        Assert.Equal("/public/500106", settings.PublicPath);

        using var unpublished = await app.Http.GetAsync("/public/v1/500106");
        using var unknown = await app.Http.GetAsync("/public/v1/500199");
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(unknown.Content.Headers.ContentType, unpublished.Content.Headers.ContentType);
    }

    [Fact]
    public async Task ThePublishedPageShowsTheMinimumAndEachFieldOnlyOnceTicked()
    {
        var office = PublicPageApp.Bearer(app.Admin(PublicPageApp.Yuzhong));
        await app.Pages.UpdatePublicPageAsync(Ticks(false), office);
        var published = await app.Pages.PublishPublicPageAsync(new PublishPublicPageRequest(), office);
        Assert.True(published.Published);

        var page = await ReadAsync(PublicPageApp.Yuzhong);
        Assert.Equal("渝中区", page.GetProperty("districtName").GetString());
        Assert.Equal(2023, page.GetProperty("year").GetInt32());
        Assert.True(page.GetProperty("taskCount").GetInt32() >= 1);
        Assert.False(page.TryGetProperty("summary", out _));
        foreach (var task in Tasks(page))
        {
            Assert.Equal(MinimalTaskFields, task.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Contains(task.GetProperty("status").GetString(), new[] { "未开始", "推进中", "已完成" });
        }

        // The preview is what the public reads: the same tasks and statuses.
        Assert.Equal(
            Tasks(page).Select(t => (t.GetProperty("number").GetString()!, t.GetProperty("status").GetString()!)),
            published.Preview.Categories.SelectMany(c => c.Tasks).Select(t => (t.Number, t.Status)));

        var ticked = await app.Pages.UpdatePublicPageAsync(
            new UpdatePublicPageRequest { LeadUnits = true, Deadlines = true }, office);
        Assert.True(ticked.Fields.LeadUnits && ticked.Fields.Deadlines && !ticked.Fields.Lights);
        var withUnits = Tasks(await ReadAsync(PublicPageApp.Yuzhong)).Single(t => t.GetProperty("text").GetString()
            == PublicPageApp.YuzhongSecret);
        Assert.Equal("区市场监管局", withUnits.GetProperty("leadUnits")[0].GetString());
        Assert.Equal("2023-12-31", withUnits.GetProperty("deadline").GetString());
        foreach (var hidden in new[] { "light", "progress", "problems" })
        {
            Assert.False(withUnits.TryGetProperty(hidden, out _), $"{hidden} is public without its tick");
        }

        await app.Pages.UpdatePublicPageAsync(Ticks(false), office);
        foreach (var task in Tasks(await ReadAsync(PublicPageApp.Yuzhong)))
        {
            Assert.Equal(MinimalTaskFields, task.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task OneDistrictsPageNeverShowsAnothersTasksWhoeverAsks()
    {
        foreach (var tenant in new[] { PublicPageApp.Yuzhong, PublicPageApp.Jiangbei })
        {
            var office = PublicPageApp.Bearer(app.Admin(tenant));
            await app.Pages.UpdatePublicPageAsync(Ticks(true), office);
            await app.Pages.PublishPublicPageAsync(new PublishPublicPageRequest(), office);
        }

        var jiangbei = (await ReadAsync(PublicPageApp.Jiangbei)).GetRawText();
        Assert.Contains(PublicPageApp.JiangbeiSecret, jiangbei, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicPageApp.YuzhongSecret, jiangbei, StringComparison.Ordinal);
        Assert.DoesNotContain("区市场监管局", jiangbei, StringComparison.Ordinal);

        // A token of 江北 (or of 渝中) on 渝中's page changes nothing: the page is read for the district it names.
        foreach (var token in new[] { app.Admin(PublicPageApp.Jiangbei), app.Admin(PublicPageApp.Yuzhong) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/public/v1/" + PublicPageApp.Yuzhong);
            request.Headers.Add("Authorization", "Bearer " + token);
            request.Headers.Add("X-Tenant-Id", PublicPageApp.Jiangbei);
            using var response = await app.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(PublicPageApp.YuzhongSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PublicPageApp.JiangbeiSecret, text, StringComparison.Ordinal);
        }

        // Withdrawn, 江北's page is gone at once; 渝中's stays.
        await app.Pages.UnpublishPublicPageAsync(
            new PublishPublicPageRequest(), PublicPageApp.Bearer(app.Admin(PublicPageApp.Jiangbei)));
        using var gone = await app.Http.GetAsync("/public/v1/" + PublicPageApp.Jiangbei);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(
            PublicPageApp.YuzhongSecret,
            (await ReadAsync(PublicPageApp.Yuzhong)).GetRawText(),
            StringComparison.Ordinal);
    }

    /// <summary>
    /// The anonymous read acts for one district: even a page of 渝中 built in 江北's context, with the EF filter off,
    /// finds none of 渝中's rows (row-level security under it), so a mistake in a query cannot show another district.
    /// </summary>
    [Fact]
    public async Task AReadInOneDistrictsContextReachesNoRowOfAnotherEvenWithoutTheFilter()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(PublicPageApp.Jiangbei);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        Assert.False(await db.Tasks.IgnoreQueryFilters().AnyAsync(t => t.TenantId == PublicPageApp.Yuzhong));
        Assert.False(await db.Tasks.IgnoreQueryFilters().AnyAsync(t => t.Id == app.YuzhongTask));
        var view = await scope.ServiceProvider.GetRequiredService<PublicPageQuery>()
            .BuildAsync(PublicPage.Minimal(PublicPageApp.Yuzhong), withFeed: true, default);
        Assert.Equal(0, view.TaskCount);
        Assert.Empty(view.Changes!);
    }

    [Fact]
    public async Task ThePublishedAnswerIsCachedBrieflyAndAnswersHead()
    {
        var office = PublicPageApp.Bearer(app.Admin(PublicPageApp.Yuzhong));
        await app.Pages.PublishPublicPageAsync(new PublishPublicPageRequest(), office);
        using var head = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/public/v1/500103"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        using var get = await app.Http.GetAsync("/public/v1/500103");
        Assert.Equal("public, max-age=30", get.Headers.CacheControl?.ToString());
        Assert.Equal("application/json", get.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("abcdef")]
    [InlineData("50010")]
    [InlineData("5001030")]
    [InlineData("000000")]
    [InlineData("990103")]
    [InlineData("host")]
    [InlineData("500103%2F..%2F..%2Fapi%2Fv1%2Freports")]
    [InlineData("50010３")]
    [InlineData("５００１０３")]
    public async Task AMalformedDistrictCodeIsRefused(string code)
    {
        using var response = await app.Http.GetAsync("/public/v1/" + code);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("市场", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheDistrictsOwnOfficeSetsOrPublishesItsPage()
    {
        var reporter = PublicPageApp.Bearer(app.Reporter(PublicPageApp.Yuzhong, PublicPageApp.ScjUnit));
        var viewer = PublicPageApp.Bearer(app.Tokens.Issue("500000", ["municipal-viewer"], ["reports.read"]));
        foreach (var caller in new[] { reporter, viewer })
        {
            await AssertRefusedAsync(app.Pages.GetPublicPageAsync(new GetPublicPageRequest(), caller).ResponseAsync);
            await AssertRefusedAsync(app.Pages.UpdatePublicPageAsync(Ticks(true), caller).ResponseAsync);
            await AssertRefusedAsync(
                app.Pages.PublishPublicPageAsync(new PublishPublicPageRequest(), caller).ResponseAsync);
        }

        var tooLong = await Assert.ThrowsAsync<RpcException>(() => app.Pages.UpdatePublicPageAsync(
            new UpdatePublicPageRequest { Description = new string('字', PublicPage.MaxSummaryLength + 1) },
            PublicPageApp.Bearer(app.Admin(PublicPageApp.Yuzhong))).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
    }

    [Fact]
    public async Task AStatusChangeAddsOneFeedEntryHoweverOftenItIsAnnounced()
    {
        var office = PublicPageApp.Bearer(app.Admin(PublicPageApp.Yuzhong));
        await app.Pages.PublishPublicPageAsync(new PublishPublicPageRequest(), office);
        Assert.Equal(PublicStatus.NotStarted, await RecordedStatusAsync());

        var scj = PublicPageApp.Bearer(app.Reporter(PublicPageApp.Yuzhong, PublicPageApp.ScjUnit));
        await app.Reports.SaveReportAsync(
            ReportRequests.Report(
                app.YuzhongTask, "2023-07", "已完成系统上线", Platform.Contracts.Reporting.V1.SelfStatus.OnTrack),
            scj);
        await app.Reports.SubmitReportAsync(ReportRequests.ActionOn(app.YuzhongTask, "2023-07"), scj);

        await Eventually.TrueAsync(
            async () => await StatusEntriesAsync() == 1,
            "the submitted report never reached the public feed");
        Assert.Equal(PublicStatus.InProgress, await RecordedStatusAsync());

        // The same news again (a redelivery, a late event, another publish): the status did not change, no entry.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(PublicPageApp.Yuzhong);
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var tracker = scope.ServiceProvider.GetRequiredService<PublicStatusTracker>();
            await tracker.StageAsync(PublicPageApp.Yuzhong, [app.YuzhongTask], app.Clock.GetUtcNow(), default);
            await tracker.StageAsync(PublicPageApp.Yuzhong, null, app.Clock.GetUtcNow(), default);
            await db.SaveChangesAsync();
        }

        await app.Pages.PublishPublicPageAsync(new PublishPublicPageRequest(), office);
        Assert.Equal(1, await StatusEntriesAsync());

        // 江北 never hears of it.
        await using var jiangbei = app.Services.CreateAsyncScope();
        jiangbei.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(PublicPageApp.Jiangbei);
        Assert.False(await jiangbei.ServiceProvider.GetRequiredService<ReportingDbContext>().PublicFeed
            .AnyAsync(e => e.TaskId == app.YuzhongTask));
    }

    [Theory]
    [InlineData(false, false, false, PublicStatus.NotStarted)]
    [InlineData(false, false, true, PublicStatus.InProgress)]
    [InlineData(true, false, false, PublicStatus.Completed)]
    [InlineData(false, true, true, PublicStatus.Completed)]
    public void ThePublicStatusFollowsClosureCompletionAndReports(
        bool closed, bool completionAccepted, bool reported, PublicStatus expected)
    {
        Assert.Equal(expected, PublicStatusNames.Decide(closed, completionAccepted, reported));
    }

    private static UpdatePublicPageRequest Ticks(bool on) => new()
    {
        LeadUnits = on, Deadlines = on, Lights = on, ProgressText = on, ProblemsText = on, YearSummary = on,
    };

    private async Task<JsonElement> ReadAsync(string code)
    {
        using var response = await app.Http.GetAsync("/public/v1/" + code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Tasks(JsonElement page) =>
        page.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("tasks").EnumerateArray());

    private static async Task AssertRefusedAsync(Task call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private async Task<int> StatusEntriesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(PublicPageApp.Yuzhong);
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().PublicFeed
            .CountAsync(e => e.Kind == PublicFeedEntry.StatusChanged && e.TaskId == app.YuzhongTask);
    }

    private async Task<PublicStatus?> RecordedStatusAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(PublicPageApp.Yuzhong);
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().PublicTaskStatuses
            .Where(s => s.TaskId == app.YuzhongTask)
            .Select(s => (PublicStatus?)s.Status)
            .SingleOrDefaultAsync();
    }
}
