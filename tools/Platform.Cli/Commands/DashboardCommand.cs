using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform dashboard --period 2023-07 [--municipal [--division 510100]]`: the district's lights by category, lagging
/// tasks and late units; for a viewer of a higher division the level below it side by side, or below a division under
/// it.
/// </summary>
public static class DashboardCommand
{
    public static Command Create()
    {
        var period = Symbols.Period();
        var municipal = Symbols.Flag(
            "--municipal", "The comparison view: the level below your division side by side (viewers).");
        var division = Symbols.Text(
            "--division", "With --municipal: compare the level below this division under yours (drill-down).");
        return OnlineOptions.Create("dashboard", "Show the district dashboard of a month.",
            [period, municipal, division],
            (result, call) => result.GetValue(municipal)
                ? ReportingCommands.MunicipalAsync(call, result.GetRequiredValue(period), result.GetValue(division))
                : ReportingCommands.DashboardAsync(call, result.GetRequiredValue(period)));
    }
}
