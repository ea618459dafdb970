using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform units list | create NAME [--alias A…] [--group] | rename UNIT --name N | alias-add UNIT --alias A… |
/// alias-remove UNIT --alias A… | retire UNIT | reinstate UNIT | merge UNIT --into OTHER | audit [UNIT] | import FILE.xlsx [--apply] [-o F]`: the
/// district office's unit directory. UNIT is a unit's name, one of its aliases, or its id. `import` is
/// `platform directory import`: the workbook's units and people, which one transaction writes together.
/// </summary>
public static class UnitsCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "list, create, rename, alias-add, alias-remove, retire, reinstate, merge, audit or import." };
        var target = new Argument<string?>("UNIT") { Description = "The unit's name, an alias or its id (create: the new unit's name).", Arity = ArgumentArity.ZeroOrOne };
        var name = new Option<string?>("--name") { Description = "rename: the new name; the old one stays an alias." };
        var into = new Option<string?>("--into") { Description = "merge: the unit that takes UNIT over (its name, an alias or its id)." };
        var aliases = new Option<string[]>("--alias") { Description = "An alias (repeat for several), e.g. 区发改委.", AllowMultipleArgumentsPerToken = true };
        var group = new Option<bool>("--group") { Description = "create: a group of units (e.g. 各街道) rather than one unit." };
        var command = new Command("units", "Manage the district's units: add, rename, aliases, retire and reinstate, merge two, see the audit, import a workbook.")
        {
            action, target, name, into, aliases, group, DirectoryCommand.Apply, DirectoryCommand.Output, OnlineOptions.Gateway, OnlineOptions.Json,
        };
        command.SetAction((result, cancellationToken) => result.GetRequiredValue(action) == "import"
            ? DirectoryCommand.ImportAsync(result, target, cancellationToken)
            : UnitCommands.UnitsAsync(
                result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetValue(target), result.GetValue(name), result.GetValue(into),
                result.GetValue(aliases) ?? [], result.GetValue(group), result.GetValue(OnlineOptions.Json),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>
/// `platform directory template -o FILE.xlsx | import FILE.xlsx [--apply] [-o PASSWORDS.xlsx]`: load the district's
/// units and people from the directory workbook (previewed, with every row's problems, until --apply).
/// </summary>
public static class DirectoryCommand
{
    public static readonly Option<bool> Apply = new("--apply") { Description = "import: write it (in one transaction, only if no row has a problem)." };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "template: where to save it; import --apply: where to save the one-time passwords.",
    };

    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "template or import." };
        var file = new Argument<string?>("FILE") { Description = "import: the filled-in workbook (.xlsx).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("directory", "Load the district's units and people from a workbook: the template, a preview, the import.")
        {
            action, file, Apply, Output, OnlineOptions.Gateway, OnlineOptions.Json,
        };
        command.SetAction((result, cancellationToken) => UnitCommands.DirectoryAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetValue(file), result.GetValue(Apply), result.GetValue(Output),
            result.GetValue(OnlineOptions.Json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>`platform units import` and `platform accounts import`: the same workbook import, named as the office thinks of it.</summary>
    public static Task<int> ImportAsync(ParseResult result, Argument<string?> file, CancellationToken cancellationToken) =>
        UnitCommands.DirectoryAsync(
            result.GetValue(OnlineOptions.Gateway), "import", result.GetValue(file), result.GetValue(Apply), result.GetValue(Output),
            result.GetValue(OnlineOptions.Json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken);
}
