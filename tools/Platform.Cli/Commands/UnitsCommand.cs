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
        var action = new Argument<string>("ACTION")
        {
            Description = "list, create, rename, alias-add, alias-remove, retire, reinstate, merge, audit or import.",
        };
        var target = new Argument<string?>("UNIT")
        {
            Description = "The unit's name, an alias or its id (create: the new unit's name).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var name = new Option<string?>("--name") { Description = "rename: the new name; the old one stays an alias." };
        var into = new Option<string?>("--into")
        {
            Description = "merge: the unit that takes UNIT over (its name, an alias or its id).",
        };
        var aliases = new Option<string[]>("--alias")
        {
            Description = "An alias (repeat for several), e.g. 区发改委.", AllowMultipleArgumentsPerToken = true,
        };
        var group = new Option<bool>("--group")
        {
            Description = "create: a group of units (e.g. 各街道) rather than one unit.",
        };
        return OnlineOptions.Create(
            "units",
            "Manage the district's units: add, rename, aliases, retire and reinstate, merge two, see the audit, import "
                + "a workbook.",
            (result, call) => result.GetRequiredValue(action) == "import"
                ? DirectoryCommand.ImportAsync(result, call, target)
                : UnitCommands.UnitsAsync(
                    call,
                    result.GetRequiredValue(action),
                    result.GetValue(target),
                    result.GetValue(name),
                    result.GetValue(into),
                    result.GetValue(aliases) ?? [],
                    result.GetValue(group)),
            action,
            target,
            name,
            into,
            aliases,
            group,
            DirectoryCommand.Apply,
            DirectoryCommand.Output);
    }
}
