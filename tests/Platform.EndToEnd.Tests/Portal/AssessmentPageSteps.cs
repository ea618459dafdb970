using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Task = System.Threading.Tasks.Task;

namespace Platform.EndToEnd.Tests.Portal;

/// <summary>
/// The office's assessment page in a real browser on the demo: the rules as a form, a preview that saves nothing,
/// applying them as a version, the ranking with its reasons and the assessment sheet; then a unit's page shows only
/// its own score. A step of the year-end scenario (<see cref="YearEndStackTests"/>), which runs it after its own
/// apply and before it closes the year: a closed year takes no new rules.
/// </summary>
public sealed class AssessmentPageSteps(PortalBrowser browser)
{
    public async Task TheOfficeEditsTheRulesPreviewsTheRankingAppliesItAndDownloadsTheSheetAsync()
    {
        var office = await browser.SignInAsync("yz.admin");
        try
        {
            await office.GotoAsync("/office/assessment?year=2023");
            await Expect(office.GetByRole(AriaRole.Heading, new() { Name = "2023 年度考核" })).ToBeVisibleAsync();
            await Expect(office.Locator("#rules-form tbody tr")).ToHaveCountAsync(9);
            var state = await office.Locator("#assessment-state").InnerTextAsync();

            // A preview of stricter rules shows a ranking and leaves the applied state as it was.
            await office.Locator("#item-MissingReport-enabled").CheckAsync();
            await office.Locator("#item-MissingReport-points").FillAsync("3");
            await office.Locator("#item-MissingReport-cap").FillAsync("30");
            await office.GetByRole(AriaRole.Button, new() { Name = "预览排名" }).ClickAsync();
            var preview = office.Locator("#preview-ranking table.ranking tbody tr");
            await Expect(preview.First).ToBeVisibleAsync();
            await Expect(office.Locator("#preview-ranking tr[data-unit='区市场监管局']")).ToHaveCountAsync(1);
            Assert.Equal(state, await office.Locator("#assessment-state").InnerTextAsync());
            await Expect(office.Locator("#item-MissingReport-points")).ToHaveValueAsync("3");

            // Applied, the same ranking is the year's, with the version that made it.
            await office.GetByRole(AriaRole.Button, new() { Name = "应用规则" }).ClickAsync();
            await Expect(office.Locator(".flash")).ToContainTextAsync("已按规则第");
            await Expect(office.Locator("#assessment-state")).ToContainTextAsync("已应用规则第");
            await Expect(office.Locator("#rule-versions tbody tr").First).ToContainTextAsync("月报逾期未报 3（上限 30）");
            var scj = office.Locator("#applied-ranking tr[data-unit='区市场监管局']");
            await scj.Locator("summary").ClickAsync();
            await Expect(scj.Locator("li").First).ToHaveTextAsync(new Regex("−"));
            await Expect(office.Locator("#close-year")).ToBeVisibleAsync();

            var download = await office.RunAndWaitForDownloadAsync(
                () => office.GetByRole(AriaRole.Link, new() { Name = "下载考核表（.xlsx）" }).ClickAsync());
            var saved = Path.Combine(PortalBrowser.Artifacts, "assessment-2023.xlsx");
            await download.SaveAsAsync(saved);
            using (var workbook = SpreadsheetDocument.Open(saved, false))
            {
                Assert.Equal(2, workbook.WorkbookPart!.WorksheetParts.Count());
            }
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(office, "office-assessment");
        }

        await AUnitSeesOnlyItsOwnScoreAsync();
    }

    private async Task AUnitSeesOnlyItsOwnScoreAsync()
    {
        var unit = await browser.SignInAsync("yz.scj");
        try
        {
            await unit.GotoAsync("/assessment?year=2023");
            await Expect(unit.Locator("#my-score")).ToContainTextAsync("区市场监管局");
            await Expect(unit.Locator("#my-score li").First).ToContainTextAsync("−");
            await Expect(unit.Locator("table.ranking")).ToHaveCountAsync(0);
            await unit.GotoAsync("/office/assessment?year=2023");
            await Expect(unit.Locator("#rules-form")).ToHaveCountAsync(0);
        }
        finally
        {
            await PortalBrowser.ScreenshotAsync(unit, "unit-own-score");
        }
    }
}
