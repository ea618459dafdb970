using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform export ledger|bulletin --period 2023-07 -o FILE`: the month's 台账 (.xlsx) or 通报 (.docx);
/// `platform export year|assessment --year 2023 -o FILE`: the year's summary (.docx) or assessment sheet (.xlsx).
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("KIND")
        {
            Description = "ledger (台账, .xlsx) or bulletin (通报, .docx) of a month; "
                + "year (年度总结, .docx) or assessment (考核表, .xlsx) of a year.",
        };
        var period = new Option<string?>("--period")
        {
            Description = "The month of a ledger or bulletin, e.g. 2023-07.",
        };
        var year = new Option<int?>("--year") { Description = "The year of a summary or assessment, e.g. 2023." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        return OnlineOptions.CreateWithoutJson(
            "export",
            "Download the month's ledger or bulletin, or the year's summary or assessment sheet.",
            [kind, period, year, output],
            (result, call) => Exports.ExportAsync(
                call,
                result.GetRequiredValue(kind),
                result.GetValue(period),
                result.GetValue(year),
                result.GetRequiredValue(output)));
    }
}
