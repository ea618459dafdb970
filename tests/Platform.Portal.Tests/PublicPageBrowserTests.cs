using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Portal.Tests;

/// <summary>
/// The public progress page in a real browser (Debian's headless Chromium, at DUBAN_TEST_CHROMIUM or
/// /usr/bin/chromium): the portal on a real port in front of a stand-in for the gateway's anonymous API, read at a
/// phone's width without signing in; a screenshot of it goes beside the other tests' (DUBAN_TEST_ARTIFACTS).
/// </summary>
public sealed partial class PublicPageBrowserTests : IAsyncLifetime
{
    private const string Published = """
        {"districtCode":"500103","districtName":"渝中区","year":2023,"taskCount":3,"completedCount":1,
         "inProgressCount":1,"notStartedCount":1,"completionRate":33.3,
         "categories":[
          {"name":"市场准入","tasks":[
            {"number":"1","text":"全面推行企业开办“一网通办”，开办时间压减至1个工作日。","status":"已完成",
             "leadUnits":["区市场监管局"]},
            {"number":"2","text":"推进“证照分离”改革全覆盖，<script>alert(1)</script>。","status":"推进中",
             "leadUnits":["区市场监管局","区经济信息委"]}]},
          {"name":"工程建设项目审批","tasks":[
            {"number":"9","text":"建筑许可全流程办理时限由50个工作日压减至45个工作日。","status":"未开始",
             "leadUnits":["区住房城市建委"]}]}],
         "changes":[
          {"id":2,"at":"2023-07-20T02:00:00+00:00","kind":"status","taskNumber":"2",
           "taskText":"推进“证照分离”改革全覆盖，<script>alert(1)</script>。","status":"推进中"},
          {"id":1,"at":"2023-07-01T02:00:00+00:00","kind":"published"}],
         "publishedAt":"2023-07-01T02:00:00+00:00"}
        """;

    private WebApplication gateway = null!;
    private WebApplicationFactory<Program> portal = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private Uri portalAddress = null!;
    private readonly List<string> gatewayHeaders = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        gateway = builder.Build();
        gateway.MapGet("/public/v1/{code}", (string code, HttpRequest request) =>
        {
            lock (gatewayHeaders)
            {
                gatewayHeaders.AddRange(request.Headers.Keys.Select(k => k.ToLowerInvariant()));
            }

            return code == "500103"
                ? Results.Text(Published, "application/json; charset=utf-8")
                : Results.Problem(statusCode: 404, title: "Not found");
        });
        await gateway.StartAsync();
        var gatewayAddress = gateway.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();

        portal = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Gateway:Http", gatewayAddress);
            b.UseSetting("Gateway:Grpc", gatewayAddress);
        });
        portal.UseKestrel(0);
        portal.StartServer();
        portalAddress = new Uri(portal.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First());

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DUBAN_TEST_CHROMIUM") is { Length: > 0 } path
                ? path
                : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await portal.DisposeAsync();
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task APersonReadsTheDistrictsPublicPageOnAPhoneWithoutSigningIn()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portalAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var alerted = false;
        page.Dialog += async (_, dialog) =>
        {
            alerted = true;
            await dialog.DismissAsync();
        };
        try
        {
            var response = await page.GotoAsync("/public/500103");
            Assert.Equal(200, response!.Status);
            Assert.DoesNotMatch(LoginPath(), page.Url);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
                .ToHaveTextAsync("渝中区2023年重点任务推进情况");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "市场准入", Level = 3 }))
                .ToBeVisibleAsync();
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            Assert.Contains("33.3%", await page.Locator(".figures").InnerTextAsync(), StringComparison.Ordinal);

            // Each task is a row headed by its number, its status in words; fields the office did not make public
            // (lights, problems) have no column and no text.
            Assert.Equal(3, await page.Locator("tbody tr").CountAsync());
            Assert.Equal(3, await page.Locator("tbody th[scope=row]").CountAsync());
            var text = await page.Locator("main").InnerTextAsync();
            foreach (var status in new[] { "已完成", "推进中", "未开始" })
            {
                Assert.Contains(status, text, StringComparison.Ordinal);
            }

            Assert.Contains("区经济信息委", text, StringComparison.Ordinal);
            Assert.DoesNotContain("预警", text, StringComparison.Ordinal);
            Assert.DoesNotContain("存在问题", text, StringComparison.Ordinal);
            Assert.False(alerted, "a task's text ran as a script");

            // A phone's width: nothing wider than the screen; no script at all on the page.
            Assert.False(await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth > window.innerWidth + 1"));
            Assert.Equal(0, await page.Locator("script").CountAsync());

            // The skip link reaches the content by keyboard.
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" })).ToBeFocusedAsync();

            // Printed, the navigation aids go.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.Equal("none", await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('.rate-bar')).display"));
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Artifacts, "public-page-phone-width.png"), FullPage = true,
            });
            await context.DisposeAsync();
        }

        // The portal passed on no cookie or token of its own to the anonymous API.
        lock (gatewayHeaders)
        {
            Assert.DoesNotContain("authorization", gatewayHeaders);
            Assert.DoesNotContain("cookie", gatewayHeaders);
        }
    }

    [Fact]
    public async Task AnUnpublishedOrMalformedDistrictIsNotFoundAndTheFeedIsAtom()
    {
        using var http = new HttpClient { BaseAddress = portalAddress };
        foreach (var path in new[] { "/public/500105", "/public/abc", "/public/500105/feed.atom" })
        {
            using var missing = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var feed = await http.GetAsync("/public/500103/feed.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(ns + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("任务2：推进中", entries[0].Element(ns + "title")!.Value);
        Assert.Contains("<script>", entries[0].Element(ns + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("公开页面发布", entries[1].Element(ns + "title")!.Value);
    }

    /// <summary>Where screenshots go: beside the other browser tests' (<see cref="TestArtifacts.Folder"/>).</summary>
    private static string Artifacts => TestArtifacts.Folder;

    [GeneratedRegex("/login")]
    private static partial Regex LoginPath();
}
