using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Platform.Documents.Sheets;
using Platform.Reporting.Domain.Assessment;
using Platform.Reporting.Exports;

namespace Platform.Reporting.Tests.Sheets;

/// <summary>
/// Every workbook the platform writes is valid against the Office schema: LibreOffice forgives elements out of order
/// where Excel and WPS report a damaged file and offer to repair it, which an office must never see.
/// </summary>
public sealed class SheetValidityTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2023, 8, 8, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TheLedgerIsAValidWorkbook()
    {
        string[] row =
        [
            "1", "市场准入", "全面落实市场准入负面清单制度，深化市场准入效能评估试点", "区市场监管局",
            "办理时限压减至0.5天", "0.5天", "已报送", "正常推进", "红灯", "2023-07 月报逾期未报（应于 2023-07-31 前报送）",
            "已上线", "无", "当月新设企业全程网办率100%",
        ];
        AssertValid(LedgerExport.Write("渝中区", "2023-07", GeneratedAt, [row, row]));
    }

    [Fact]
    public void TheAssessmentSheetIsAValidWorkbook()
    {
        var unit = new UnitAssessment(
            Guid.NewGuid(), "区市场监管局", 92.5m, 1,
            [new AssessmentReason(AssessmentItemKind.MissingReport, "2023-08 月报逾期未报 −2.5（任务 3）", 7.5m)]);
        AssertValid(AssessmentExport.Write("渝中区", 2023, null, [unit], GeneratedAt));
    }

    [Fact]
    public void ASheetWithoutTitlesAndOneWithOneColumnAreValidWorkbooks()
    {
        var bare = new SheetContent("单位", [new SheetColumn("名称")], [["区发展改革委"], [SheetCell.Of(3)]]);
        AssertValid(SheetWriter.Write(bare, bare with { Name = "人员", Titles = ["标题"] }));
    }

    private static void AssertValid(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
