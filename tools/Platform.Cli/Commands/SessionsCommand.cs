using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform sessions list | sign-ins | end SESSION | end-others`: the signed-in person's open sessions and sign-in
/// history; ending a session that is not theirs.
/// </summary>
public static class SessionsCommand
{
    public static Command Create()
    {
        var action = Symbols.Action("list, sign-ins, end or end-others.");
        var session = Symbols.Optional("SESSION", "end: the session's id (from list).");
        return OnlineOptions.Create(
            "sessions",
            "Your open sessions and sign-in history; end a session that is not yours.",
            [action, session],
            (result, call) =>
                SessionCommands.SessionsAsync(call, result.GetRequiredValue(action), result.GetValue(session)));
    }
}
