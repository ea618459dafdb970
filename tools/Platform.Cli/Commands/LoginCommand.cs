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
        var user = new Option<string?>("--user")
        {
            Description = "The account, e.g. yz.admin (asked for when omitted).",
        };
        var password = new Option<string?>("--password")
        {
            Description = "The password (asked for, without echo, when omitted).",
        };
        var newPassword = new Option<string?>("--new-password")
        {
            Description = "Your own password, when the one you have was given by the office (a new account, a reset); "
                + "asked for when needed and omitted.",
        };
        return OnlineOptions.Create(
            "login",
            "Sign in to the platform through its gateway.",
            (result, call) => OnlineCommands.LoginAsync(
                call, result.GetValue(user), result.GetValue(password), result.GetValue(newPassword)),
            user,
            password,
            newPassword);
    }
}
