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
        var action = new Argument<string>("ACTION") { Description = "list, sign-ins, end or end-others." };
        var session = new Argument<string?>("SESSION")
        {
            Description = "end: the session's id (from list).", Arity = ArgumentArity.ZeroOrOne,
        };
        return OnlineOptions.Create(
            "sessions",
            "Your open sessions and sign-in history; end a session that is not yours.",
            (result, call) => SessionCommands.SessionsAsync(
                call, result.GetRequiredValue(action), result.GetValue(session)),
            action,
            session);
    }
}
