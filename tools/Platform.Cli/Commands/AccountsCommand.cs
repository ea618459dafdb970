using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform accounts list | create USERNAME --name N --role R… [--unit ID] [--email E] [--mobile M] | update USER
/// [--name N] [--role R…] [--unit ID|-] [--email E] [--mobile M] | disable USER | enable USER | reset-password USER |
/// audit [USER] | import FILE.xlsx [--apply] [-o F]`: the district office's people. USER is a username or an account
/// id. `import` is `platform directory import`: the workbook's units and people, which one transaction writes
/// together.
/// </summary>
public static class AccountsCommand
{
    public static Command Create()
    {
        var action = Symbols.Action("list, create, update, disable, enable, reset-password, audit or import.");
        var target = Symbols.Optional("USER", "The username (create: the new one) or account id.");
        var name = Symbols.Text("--name", "The person's display name, e.g. 张三.");
        var roles = Symbols.Repeated("--role", "A role (repeat for several), e.g. unit-reporter.");
        var unit = Symbols.Text("--unit", "The unit's id; '-' takes the account out of its unit.");
        var email = Symbols.Text("--email", "E-mail address; '' clears it.");
        var mobile = Symbols.Text("--mobile", "Mobile number; '' clears it.");
        return DirectoryCommand.WithImport(
            "accounts",
            "Manage the district's people: create, edit, disable, enable, reset passwords, see the audit, import a "
                + "workbook.",
            action,
            target,
            [name, roles, unit, email, mobile],
            (result, call, chosen) => AccountCommands.AccountsAsync(
                call,
                chosen,
                result.GetValue(target),
                new AccountFields(
                    result.GetValue(name), result.GetValue(roles) ?? [], result.GetValue(unit),
                    result.GetValue(email), result.GetValue(mobile))));
    }
}
