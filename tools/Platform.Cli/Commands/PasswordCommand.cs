using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform password`: the signed-in person changes their own password (asked for without echo).</summary>
public static class PasswordCommand
{
    public static Command Create()
    {
        var current = Symbols.Text("--current", "The current password (asked for when omitted).");
        var chosen = Symbols.Text("--new", "The new password (asked for twice when omitted).");
        var command = OnlineOptions.CreateWithoutJson(
            "password",
            "Change your own password; every session ends and you sign in again.",
            [current, chosen],
            (result, call) =>
                AccountCommands.ChangePasswordAsync(call, result.GetValue(current), result.GetValue(chosen)));
        command.Aliases.Add("passwd");
        return command;
    }
}
