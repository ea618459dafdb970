using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform report submit|return|accept TASK --period 2023-07 [--comment …]`: a step of a monthly report's workflow.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var action = Symbols.Action("submit, return or accept.");
        var task = new Argument<string>("TASK")
        {
            Description = "The task's number in the published list (e.g. 2) or its id.",
        };
        var period = Symbols.Period();
        var comment = Symbols.Text("--comment", "Why the report is returned.");
        return OnlineOptions.Create("report", "Submit, return or accept a monthly report.",
            [action, task, period, comment],
            (result, call) => ReportingCommands.ReportActionAsync(
                call, result.GetRequiredValue(action), result.GetRequiredValue(task),
                result.GetRequiredValue(period), result.GetValue(comment)));
    }
}
