using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform login [--user U --password P] [--gateway URL]`: signs in and keeps the token for the next commands.
/// </summary>
public static class LoginCommand
{
    public static Command Create()
    {
        var user = Symbols.Text("--user", "The account, e.g. yz.admin (asked for when omitted).");
        var password = Symbols.Text("--password", "The password (asked for, without echo, when omitted).");
        var newPassword = Symbols.Text(
            "--new-password",
            "Your own password, when the one you have was given by the office (a new account, a reset); asked for "
                + "when needed and omitted.");
        return OnlineOptions.Create("login", "Sign in to the platform through its gateway.",
            [user, password, newPassword],
            (result, call) => OnlineCommands.LoginAsync(
                call, result.GetValue(user), result.GetValue(password), result.GetValue(newPassword)));
    }
}
