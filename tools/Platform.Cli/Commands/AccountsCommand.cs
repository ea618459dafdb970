using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform accounts list | create USERNAME --name N --role R… [--unit ID] [--email E] [--mobile M] | update USER
/// [--name N] [--role R…] [--unit ID|-] [--email E] [--mobile M] | disable USER | enable USER | reset-password USER |
/// audit [USER] | import FILE.xlsx [--apply] [-o F]`: the district office's people. USER is a username or an account id.
/// `import` is `platform directory import`: the workbook's units and people, which one transaction writes together.
/// </summary>
public static class AccountsCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "list, create, update, disable, enable, reset-password, audit or import." };
        var target = new Argument<string?>("USER") { Description = "The username (create: the new one) or account id.", Arity = ArgumentArity.ZeroOrOne };
        var name = new Option<string?>("--name") { Description = "The person's display name, e.g. 张三." };
        var roles = new Option<string[]>("--role") { Description = "A role (repeat for several), e.g. unit-reporter.", AllowMultipleArgumentsPerToken = true };
        var unit = new Option<string?>("--unit") { Description = "The unit's id; '-' takes the account out of its unit." };
        var email = new Option<string?>("--email") { Description = "E-mail address; '' clears it." };
        var mobile = new Option<string?>("--mobile") { Description = "Mobile number; '' clears it." };
        var command = new Command("accounts", "Manage the district's people: create, edit, disable, enable, reset passwords, see the audit, import a workbook.")
        {
            action, target, name, roles, unit, email, mobile, DirectoryCommand.Apply, DirectoryCommand.Output, OnlineOptions.Gateway, OnlineOptions.Json,
        };
        command.SetAction((result, cancellationToken) => result.GetRequiredValue(action) == "import"
            ? DirectoryCommand.ImportAsync(result, target, cancellationToken)
            : AccountCommands.AccountsAsync(
                result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetValue(target),
                new AccountFields(result.GetValue(name), result.GetValue(roles) ?? [], result.GetValue(unit), result.GetValue(email), result.GetValue(mobile)),
                result.GetValue(OnlineOptions.Json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>`platform password`: the signed-in person changes their own password (asked for without echo).</summary>
public static class PasswordCommand
{
    public static Command Create()
    {
        var current = new Option<string?>("--current") { Description = "The current password (asked for when omitted)." };
        var chosen = new Option<string?>("--new") { Description = "The new password (asked for twice when omitted)." };
        var command = new Command("password", "Change your own password; every session ends and you sign in again.") { current, chosen, OnlineOptions.Gateway };
        command.Aliases.Add("passwd");
        command.SetAction((result, cancellationToken) => AccountCommands.ChangePasswordAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetValue(current), result.GetValue(chosen),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>
/// `platform sessions list | sign-ins | end SESSION | end-others`: the signed-in person's open sessions and sign-in
/// history; ending a session that is not theirs.
/// </summary>
public static class SessionsCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "list, sign-ins, end or end-others." };
        var session = new Argument<string?>("SESSION") { Description = "end: the session's id (from list).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("sessions", "Your open sessions and sign-in history; end a session that is not yours.")
        {
            action, session, OnlineOptions.Gateway, OnlineOptions.Json,
        };
        command.SetAction((result, cancellationToken) => SessionCommands.SessionsAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetValue(session), result.GetValue(OnlineOptions.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>
/// `platform tenants list | create CODE [--parent CODE] [--admin USERNAME [--admin-name NAME]] | suspend CODE | resume
/// CODE`: the platform's districts (platform.admin).
/// </summary>
public static class TenantsCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "list, create, suspend or resume." };
        var code = new Argument<string?>("CODE") { Description = "The division's GB/T 2260 code, e.g. 500106.", Arity = ArgumentArity.ZeroOrOne };
        var parent = new Option<string?>("--parent") { Description = "create: the division above it that uses the platform, e.g. 500000." };
        var admin = new Option<string?>("--admin") { Description = "create: the username of the district's first district-admin (a one-time password is printed)." };
        var adminName = new Option<string?>("--admin-name") { Description = "create: the first district-admin's display name." };
        var command = new Command("tenants", "Provision, list, suspend and resume districts (platform administrators).")
        {
            action, code, parent, admin, adminName, OnlineOptions.Gateway, OnlineOptions.Json,
        };
        command.SetAction((result, cancellationToken) => AccountCommands.TenantsAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetValue(code), result.GetValue(parent),
            result.GetValue(admin), result.GetValue(adminName), result.GetValue(OnlineOptions.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
