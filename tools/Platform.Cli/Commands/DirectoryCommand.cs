using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform directory template -o FILE.xlsx | import FILE.xlsx [--apply] [-o PASSWORDS.xlsx]`: load the district's
/// units and people from the directory workbook (previewed, with every row's problems, until --apply).
/// </summary>
public static class DirectoryCommand
{
    public static readonly Option<bool> Apply =
        Symbols.Flag("--apply", "import: write it (in one transaction, only if no row has a problem).");

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "template: where to save it; import --apply: where to save the one-time passwords.",
    };

    public static Command Create()
    {
        var action = Symbols.Action("template or import.");
        var file = Symbols.Optional("FILE", "import: the filled-in workbook (.xlsx).");
        return OnlineOptions.Create(
            "directory",
            "Load the district's units and people from a workbook: the template, a preview, the import.",
            [action, file, Apply, Output],
            (result, call) => Workbook(result, call, result.GetRequiredValue(action), file));
    }

    /// <summary>
    /// `platform units` and `platform accounts`, whose `import FILE` is the same workbook import, named as the office
    /// thinks of it: their own symbols, then --apply and -o; any other action is theirs.
    /// </summary>
    public static Command WithImport(
        string name,
        string description,
        Argument<string> action,
        Argument<string?> file,
        Symbol[] symbols,
        Func<ParseResult, OnlineCall, string, Task<int>> other) =>
        OnlineOptions.Create(name, description, [action, file, .. symbols, Apply, Output], (result, call) =>
            result.GetRequiredValue(action) is var chosen && chosen == "import"
                ? Workbook(result, call, chosen, file)
                : other(result, call, chosen));

    private static Task<int> Workbook(ParseResult result, OnlineCall call, string action, Argument<string?> file) =>
        UnitCommands.DirectoryAsync(
            call, action, result.GetValue(file), result.GetValue(Apply), result.GetValue(Output));
}
