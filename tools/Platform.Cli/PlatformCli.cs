using System.CommandLine;
using Platform.Cli.Commands;

namespace Platform.Cli;

/// <summary>The `platform` command: one subcommand per file under Commands/.</summary>
public static class PlatformCli
{
    public static RootCommand Build() =>
        new("Duban (督办) platform command line: parse task-list documents offline, work with the platform online.")
        {
            ParseCommand.Create(),
            LoginCommand.Create(),
            ImportCommand.Create(),
            TasksCommand.Create(),
            ReportCommand.Create(),
            DashboardCommand.Create(),
            ExportCommand.Create(),
            InboxCommand.Create(),
            WebhooksCommand.Create(),
            AccountsCommand.Create(),
            SessionsCommand.Create(),
            UnitsCommand.Create(),
            DirectoryCommand.Create(),
            PasswordCommand.Create(),
            TenantsCommand.Create(),
            OpsCommand.Create(),
        };

    public static Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return Build().Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
