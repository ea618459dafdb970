using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform export ledger|bulletin --period 2023-07 -o FILE`: the month's 台账 (.xlsx) or 通报 (.docx).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("KIND") { Description = "ledger (台账, .xlsx) or bulletin (通报, .docx)." };
        var period = Symbols.Period();
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        return OnlineOptions.CreateWithoutJson("export", "Download the monthly ledger or bulletin.",
            [kind, period, output],
            (result, call) => ReportingCommands.ExportAsync(
                call, result.GetRequiredValue(kind), result.GetRequiredValue(period), result.GetRequiredValue(output)));
    }
}
