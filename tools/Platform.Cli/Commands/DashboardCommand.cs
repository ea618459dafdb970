using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform dashboard --period 2023-07`: the district's lights by category, lagging tasks and late units.</summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "The month, e.g. 2023-07.", Required = true };
        var command = new Command("dashboard", "Show the district dashboard of a month.") { period, OnlineOptions.Gateway, OnlineOptions.Json };
        command.SetAction((result, cancellationToken) => ReportingCommands.DashboardAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(period), result.GetValue(OnlineOptions.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>`platform report submit|return|accept TASK --period 2023-07 [--comment …]`: a step of a monthly report's workflow.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "submit, return or accept." };
        var task = new Argument<string>("TASK") { Description = "The task's number in the published list (e.g. 2) or its id." };
        var period = new Option<string>("--period") { Description = "The month, e.g. 2023-07.", Required = true };
        var comment = new Option<string?>("--comment") { Description = "Why the report is returned." };
        var command = new Command("report", "Submit, return or accept a monthly report.") { action, task, period, comment, OnlineOptions.Gateway, OnlineOptions.Json };
        command.SetAction((result, cancellationToken) => ReportingCommands.ReportActionAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetRequiredValue(task), result.GetRequiredValue(period),
            result.GetValue(comment), result.GetValue(OnlineOptions.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
