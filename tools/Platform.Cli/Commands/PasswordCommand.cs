using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform password`: the signed-in person changes their own password (asked for without echo).</summary>
public static class PasswordCommand
{
    public static Command Create()
    {
        var current = new Option<string?>("--current")
        {
            Description = "The current password (asked for when omitted).",
        };
        var chosen = new Option<string?>("--new") { Description = "The new password (asked for twice when omitted)." };
        var command = OnlineOptions.CreateWithoutJson(
            "password",
            "Change your own password; every session ends and you sign in again.",
            (result, call) => AccountCommands.ChangePasswordAsync(
                call, result.GetValue(current), result.GetValue(chosen)),
            current,
            chosen);
        command.Aliases.Add("passwd");
        return command;
    }
}
