using Platform.Cli.Online.Api;

namespace Platform.Cli.Online;

/// <summary>
/// The office's one-time passwords of new accounts and resets: the gateway shows each only once, so the command
/// prints it with what the office must do with it.
/// </summary>
internal static class OneTimePasswords
{
    private const string FirstSignIn = "at the first sign-in they must choose their own.";

    /// <summary>A line about the account, then its one-time password (nothing more when the answer has none).</summary>
    public static string Announce(string line, AccountsApi.WithPassword account) =>
        line + "\n" + Handover(account.InitialPassword);

    /// <summary>The passwords of a workbook import: listed, or the file they were saved to.</summary>
    public static string Listed(IEnumerable<AccountsApi.WithPassword> accounts, string? savedTo) =>
        (savedTo is null
            ? "One-time passwords:\n" + string.Join("\n", accounts.Select(a => $"  {a.Username}  {a.InitialPassword}"))
            : $"The one-time passwords are in {savedTo}.")
        + "\nHand each to its person; " + FirstSignIn;

    private static string Handover(string password) => password.Length == 0
        ? string.Empty
        : $"一次性初始密码 One-time initial password: {password}\n"
            + "It is shown only now. Hand it to the person; " + FirstSignIn;
}
