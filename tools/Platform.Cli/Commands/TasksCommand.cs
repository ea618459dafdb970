using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform tasks [--unit X] [--category Y] [--year N]`: the signed-in district's published tasks.</summary>
public static class TasksCommand
{
    public static Command Create()
    {
        var unit = Symbols.Text("--unit", "Only tasks of this unit (name as printed or in the directory).");
        var category = Symbols.Text("--category", "Only tasks whose category contains this text.");
        var year = new Option<int>("--year") { Description = "Only this year's list." };
        return OnlineOptions.Create("tasks", "List published tasks.",
            [unit, category, year],
            (result, call) => OnlineCommands.TasksAsync(
                call, result.GetValue(unit), result.GetValue(category), result.GetValue(year)));
    }
}
