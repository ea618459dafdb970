using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Portal;

/// <summary>
/// Headless Chromium (Debian's, at DUBAN_TEST_CHROMIUM or /usr/bin/chromium) driven by Playwright against the portal
/// behind the gateway (DUBAN_TEST_PORTAL, default the gateway's address). Each person gets a browser context of their own.
/// </summary>
public sealed partial class PortalBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static Uri Portal =>
        Environment.GetEnvironmentVariable("DUBAN_TEST_PORTAL") is { Length: > 0 } portal ? new Uri(portal) : StackEndpoints.Gateway;

    /// <summary>Where screenshots and downloads go (<see cref="TestArtifacts.Folder"/>).</summary>
    public static string Artifacts => TestArtifacts.Folder;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DUBAN_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A new browser (context) for one person, at a laptop's 1366×768 unless another size is given.</summary>
    public async Task<IPage> OpenAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Confirmation dialogs (发布, 删除) are answered yes, as the person at the keyboard would.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    /// <summary>Signs a demo account in through the sign-in form and waits for its start page.</summary>
    public async Task<IPage> SignInAsync(string username, int width = 1366, int height = 768)
    {
        var page = await OpenAsync(width, height);
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(Stack.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await SignedInAsync(page);
        return page;
    }

    /// <summary>
    /// Waits for the page a sign-in leads to: away from /login, with the signed-in person in its header. The first
    /// sign-ins of a fresh stack (password hashing, first calls through every host) while the other test assemblies run
    /// beside them on two cores have taken more than the default 30 s. The document's load event is not waited for: in
    /// one CI run it did not come within 90 s although the page had arrived (why was not found); the header says more.
    /// </summary>
    public static async Task SignedInAsync(IPage page)
    {
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#whoami")).ToBeVisibleAsync(new() { Timeout = 90_000 });
    }

    /// <summary>Saves the page as it is now (the artifact a failed test leaves behind, too).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(Artifacts, SafeName().Replace(name, "-") + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex SafeName();
}
