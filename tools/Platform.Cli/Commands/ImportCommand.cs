using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform import FILE --year 2023 [--publish]`: uploads an official document as a draft list of the signed-in
/// district.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The document: .txt, .docx or .pdf." };
        var year = new Option<int>("--year") { Description = "The list's year, e.g. 2023.", Required = true };
        var publish = Symbols.Flag("--publish", "Publish at once when every unit name resolved.");
        return OnlineOptions.Create("import", "Import a task-list document as a draft (and publish it).",
            [file, year, publish],
            (result, call) => OnlineCommands.ImportAsync(
                call, result.GetRequiredValue(file), result.GetValue(year), result.GetValue(publish)));
    }
}
