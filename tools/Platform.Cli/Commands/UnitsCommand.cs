using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform units list | create NAME [--alias A…] [--group] | rename UNIT --name N | alias-add UNIT --alias A… |
/// alias-remove UNIT --alias A… | retire UNIT | reinstate UNIT | merge UNIT --into OTHER | audit [UNIT] | import
/// FILE.xlsx [--apply] [-o F]`: the district office's unit directory. UNIT is a unit's name, one of its aliases, or its
/// id. `import` is `platform directory import`: the workbook's units and people, which one transaction writes together.
/// </summary>
public static class UnitsCommand
{
    public static Command Create()
    {
        var action = Symbols.Action(
            "list, create, rename, alias-add, alias-remove, retire, reinstate, merge, audit or import.");
        var target = Symbols.Optional("UNIT", "The unit's name, an alias or its id (create: the new unit's name).");
        var name = Symbols.Text("--name", "rename: the new name; the old one stays an alias.");
        var into = Symbols.Text("--into", "merge: the unit that takes UNIT over (its name, an alias or its id).");
        var aliases = Symbols.Repeated("--alias", "An alias (repeat for several), e.g. 区发改委.");
        var group = Symbols.Flag("--group", "create: a group of units (e.g. 各街道) rather than one unit.");
        return DirectoryCommand.WithImport(
            "units",
            "Manage the district's units: add, rename, aliases, retire and reinstate, merge two, see the audit, import "
                + "a workbook.",
            action,
            target,
            [name, into, aliases, group],
            (result, call, chosen) => UnitCommands.UnitsAsync(
                call, chosen, result.GetValue(target), result.GetValue(name), result.GetValue(into),
                result.GetValue(aliases) ?? [], result.GetValue(group)));
    }
}
