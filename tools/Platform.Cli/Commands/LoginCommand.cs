using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform login [--user U --password P] [--gateway URL]`: signs in and keeps the token for the next commands.</summary>
public static class LoginCommand
{
    public static Command Create()
    {
        var user = new Option<string?>("--user") { Description = "The account, e.g. yz.admin (asked for when omitted)." };
        var password = new Option<string?>("--password") { Description = "The password (asked for, without echo, when omitted)." };
        var newPassword = new Option<string?>("--new-password")
        {
            Description = "Your own password, when the one you have was given by the office (a new account, a reset); asked for when needed and omitted.",
        };
        var command = new Command("login", "Sign in to the platform through its gateway.") { user, password, newPassword, OnlineOptions.Gateway, OnlineOptions.Json };
        command.SetAction((result, cancellationToken) => OnlineCommands.LoginAsync(
            result.GetValue(OnlineOptions.Gateway), result.GetValue(user), result.GetValue(password), result.GetValue(newPassword), result.GetValue(OnlineOptions.Json),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}

/// <summary>Options every online command shares.</summary>
public static class OnlineOptions
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = $"The gateway's REST address (default $DUBAN_GATEWAY, the last sign-in's, or {GatewayClient.DefaultGateway}).",
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the result as JSON for scripts." };
}
