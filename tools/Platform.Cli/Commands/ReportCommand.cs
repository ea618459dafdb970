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
        var action = new Argument<string>("ACTION") { Description = "submit, return or accept." };
        var task = new Argument<string>("TASK")
        {
            Description = "The task's number in the published list (e.g. 2) or its id.",
        };
        var period = new Option<string>("--period") { Description = "The month, e.g. 2023-07.", Required = true };
        var comment = new Option<string?>("--comment") { Description = "Why the report is returned." };
        return OnlineOptions.Create(
            "report",
            "Submit, return or accept a monthly report.",
            (result, call) => ReportingCommands.ReportActionAsync(
                call,
                result.GetRequiredValue(action),
                result.GetRequiredValue(task),
                result.GetRequiredValue(period),
                result.GetValue(comment)),
            action,
            task,
            period,
            comment);
    }
}
