using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform dashboard --period 2023-07 [--municipal [--division 510100]]`: the district's lights by category, lagging
/// tasks and late units; for a viewer of a higher division the level below it side by side, or below a division under it.
/// </summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var period = new Option<string>("--period") { Description = "The month, e.g. 2023-07.", Required = true };
        var municipal = new Option<bool>("--municipal") { Description = "The comparison view: the level below your division side by side (viewers)." };
        var division = new Option<string?>("--division") { Description = "With --municipal: compare the level below this division under yours (drill-down)." };
        var command = new Command("dashboard", "Show the district dashboard of a month.") { period, municipal, division, OnlineOptions.Gateway, OnlineOptions.Json };
        command.SetAction((result, cancellationToken) => result.GetValue(municipal)
            ? ReportingCommands.MunicipalAsync(
                result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(period), result.GetValue(division), result.GetValue(OnlineOptions.Json),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken)
            : ReportingCommands.DashboardAsync(
                result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(period), result.GetValue(OnlineOptions.Json),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>`platform inbox [--unread] [--read-all]`: the caller's notifications, newest first.</summary>
public static class InboxCommand
{
    public static Command Create()
    {
        var unread = new Option<bool>("--unread") { Description = "Only what is not read yet." };
        var readAll = new Option<bool>("--read-all") { Description = "Mark everything read after showing it." };
        var command = new Command("inbox", "Show your notifications: assignments, reminders, 催办, 督办单, review outcomes.")
        {
            unread, readAll, OnlineOptions.Gateway, OnlineOptions.Json,
        };
        command.SetAction((result, cancellationToken) => ReportingCommands.InboxAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetValue(unread), result.GetValue(readAll), result.GetValue(OnlineOptions.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>`platform webhooks add URL [--kind K]… | list | deliveries [ID] [--dead] | retry DELIVERY`: the office's webhooks.</summary>
public static class WebhooksCommand
{
    public static Command Create()
    {
        var action = new Argument<string>("ACTION") { Description = "add, list, deliveries, retry or delete." };
        var target = new Argument<string?>("TARGET") { Description = "add: the URL; deliveries: a webhook id (optional); retry: a delivery id; delete: a webhook id.", Arity = ArgumentArity.ZeroOrOne };
        var kinds = new Option<string[]>("--kind") { Description = "add: only these kinds (e.g. REPORT_RETURNED); all when omitted.", AllowMultipleArgumentsPerToken = true };
        var dead = new Option<bool>("--dead") { Description = "deliveries: only dead ones (every channel)." };
        var command = new Command("webhooks", "Manage the district's webhooks and see their deliveries.") { action, target, kinds, dead, OnlineOptions.Gateway, OnlineOptions.Json };
        command.SetAction((result, cancellationToken) => ReportingCommands.WebhooksAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(action), result.GetValue(target), result.GetValue(kinds) ?? [], result.GetValue(dead),
            result.GetValue(OnlineOptions.Json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>`platform export ledger|bulletin --period 2023-07 -o FILE`: the month's 台账 (.xlsx) or 通报 (.docx).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("KIND") { Description = "ledger (台账, .xlsx) or bulletin (通报, .docx)." };
        var period = new Option<string>("--period") { Description = "The month, e.g. 2023-07.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write.", Required = true };
        var command = new Command("export", "Download the monthly ledger or bulletin.") { kind, period, output, OnlineOptions.Gateway };
        command.SetAction((result, cancellationToken) => ReportingCommands.ExportAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetRequiredValue(kind), result.GetRequiredValue(period), result.GetRequiredValue(output),
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
