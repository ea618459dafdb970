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
        var action = new Argument<string>("ACTION")
        {
            Description = "list, create, update, disable, enable, reset-password, audit or import.",
        };
        var target = new Argument<string?>("USER")
        {
            Description = "The username (create: the new one) or account id.", Arity = ArgumentArity.ZeroOrOne,
        };
        var name = new Option<string?>("--name") { Description = "The person's display name, e.g. 张三." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role (repeat for several), e.g. unit-reporter.", AllowMultipleArgumentsPerToken = true,
        };
        var unit = new Option<string?>("--unit")
        {
            Description = "The unit's id; '-' takes the account out of its unit.",
        };
        var email = new Option<string?>("--email") { Description = "E-mail address; '' clears it." };
        var mobile = new Option<string?>("--mobile") { Description = "Mobile number; '' clears it." };
        return OnlineOptions.Create(
            "accounts",
            "Manage the district's people: create, edit, disable, enable, reset passwords, see the audit, import a "
                + "workbook.",
            (result, call) => result.GetRequiredValue(action) == "import"
                ? DirectoryCommand.ImportAsync(result, call, target)
                : AccountCommands.AccountsAsync(
                    call,
                    result.GetRequiredValue(action),
                    result.GetValue(target),
                    new AccountFields(
                        result.GetValue(name),
                        result.GetValue(roles) ?? [],
                        result.GetValue(unit),
                        result.GetValue(email),
                        result.GetValue(mobile))),
            action,
            target,
            name,
            roles,
            unit,
            email,
            mobile,
            DirectoryCommand.Apply,
            DirectoryCommand.Output);
    }
}
