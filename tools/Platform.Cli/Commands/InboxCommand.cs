using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform inbox [--unread] [--read-all]`: the caller's notifications, newest first.</summary>
public static class InboxCommand
{
    public static Command Create()
    {
        var unread = Symbols.Flag("--unread", "Only what is not read yet.");
        var readAll = Symbols.Flag("--read-all", "Mark everything read after showing it.");
        return OnlineOptions.Create(
            "inbox",
            "Show your notifications: assignments, reminders, 催办, 督办单, review outcomes.",
            [unread, readAll],
            (result, call) => ReportingCommands.InboxAsync(call, result.GetValue(unread), result.GetValue(readAll)));
    }
}
