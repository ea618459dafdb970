using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>Options every online command shares, and how an online command is put together.</summary>
public static class OnlineOptions
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = "The gateway's REST address (default $DUBAN_GATEWAY, the last sign-in's, or "
            + $"{GatewayClient.DefaultGateway}).",
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the result as JSON for scripts." };

    /// <summary>An online command: its own arguments and options, then --gateway and --json.</summary>
    public static Command Create(
        string name, string description, Symbol[] symbols, Func<ParseResult, OnlineCall, Task<int>> action) =>
        Build(name, description, [.. symbols, Gateway, Json], action);

    /// <summary>An online command that prints no answer of the API, so takes no --json.</summary>
    public static Command CreateWithoutJson(
        string name, string description, Symbol[] symbols, Func<ParseResult, OnlineCall, Task<int>> action) =>
        Build(name, description, [.. symbols, Gateway], action);

    private static Command Build(
        string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, OnlineCall, Task<int>> action)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException($"{symbol.Name} is neither an argument nor an option", nameof(symbols));
            }
        }

        var json = command.Options.Contains(Json);
        command.SetAction((result, cancellationToken) => action(result, new OnlineCall(
            result.GetValue(Gateway),
            json && result.GetValue(Json),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }
}
