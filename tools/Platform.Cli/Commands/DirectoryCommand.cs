using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform directory template -o FILE.xlsx | import FILE.xlsx [--apply] [-o PASSWORDS.xlsx]`: load the district's
/// units and people from the directory workbook (previewed, with every row's problems, until --apply).
/// </summary>
public static class DirectoryCommand
{
    public static readonly Option<bool> Apply = new("--apply")
    {
        Description = "import: write it (in one transaction, only if no row has a problem).",
    };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "template: where to save it; import --apply: where to save the one-time passwords.",
    };

    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "template or import." };
        var file = new Argument<string?>("FILE")
        {
            Description = "import: the filled-in workbook (.xlsx).", Arity = ArgumentArity.ZeroOrOne,
        };
        return OnlineOptions.Create(
            "directory",
            "Load the district's units and people from a workbook: the template, a preview, the import.",
            (result, call) => UnitCommands.DirectoryAsync(
                call,
                result.GetRequiredValue(action),
                result.GetValue(file),
                result.GetValue(Apply),
                result.GetValue(Output)),
            action,
            file,
            Apply,
            Output);
    }

    /// <summary>
    /// `platform units import` and `platform accounts import`: the same workbook import, named as the office thinks of
    /// it.
    /// </summary>
    public static Task<int> ImportAsync(ParseResult result, OnlineCall call, Argument<string?> file) =>
        UnitCommands.DirectoryAsync(
            call, "import", result.GetValue(file), result.GetValue(Apply), result.GetValue(Output));
}
