using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform tenants list | create CODE [--parent CODE] [--admin USERNAME [--admin-name NAME]] | suspend CODE | resume
/// CODE`: the platform's districts (platform.admin).
/// </summary>
public static class TenantsCommand
{
    public static Command Create()
    {
        var action = Symbols.Action("list, create, suspend or resume.");
        var code = Symbols.Optional("CODE", "The division's GB/T 2260 code, e.g. 500106.");
        var parent = Symbols.Text("--parent", "create: the division above it that uses the platform, e.g. 500000.");
        var admin = Symbols.Text(
            "--admin",
            "create: the username of the district's first district-admin (a one-time password is printed).");
        var adminName = Symbols.Text("--admin-name", "create: the first district-admin's display name.");
        return OnlineOptions.Create(
            "tenants",
            "Provision, list, suspend and resume districts (platform administrators).",
            [action, code, parent, admin, adminName],
            (result, call) => AccountCommands.TenantsAsync(
                call, result.GetRequiredValue(action), result.GetValue(code), result.GetValue(parent),
                result.GetValue(admin), result.GetValue(adminName)));
    }
}
