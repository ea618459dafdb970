namespace Platform.Cli.Online.Api;

/// <summary>The answers of /api/v1/accounts, /api/v1/tenants and the signed-in person's sessions.</summary>
internal static class AccountsApi
{
    public sealed record Account(
        string Id = "", string Username = "", string DisplayName = "", string UnitId = "", string Email = "",
        string Mobile = "", bool Disabled = false, bool MustChangePassword = false)
    {
        public IReadOnlyList<string> Roles { get; init; } = [];
    }

    public sealed record AccountList
    {
        public IReadOnlyList<Account> Accounts { get; init; } = [];
    }

    /// <summary>
    /// A new account or a reset password: the office's one-time password is in the answer, only this once.
    /// </summary>
    public sealed record WithPassword(string Id = "", string Username = "", string InitialPassword = "")
    {
        public Account Account { get; init; } = new();
    }

    /// <summary>
    /// One change of an account (Username) or a unit (UnitName), its record before and after as JSON.
    /// </summary>
    public sealed record AuditEntry(
        string At = "", string Username = "", string UnitName = "", string Action = "", string Actor = "",
        string Before = "", string After = "");

    public sealed record Audit
    {
        public IReadOnlyList<AuditEntry> Entries { get; init; } = [];
    }

    public sealed record Tenant(string Id = "", string Name = "", string ParentId = "", string? SuspendedAt = null)
    {
        public WithPassword? FirstAdmin { get; init; }
    }

    public sealed record TenantList
    {
        public IReadOnlyList<Tenant> Tenants { get; init; } = [];
    }

    public sealed record Session(
        string Id = "", string StartedAt = "", string LastActiveAt = "", string ClientAddress = "",
        string UserAgent = "", bool Current = false);

    public sealed record SessionList
    {
        public IReadOnlyList<Session> Sessions { get; init; } = [];
    }

    public sealed record SignIn(string At = "", string Outcome = "", string ClientAddress = "", string UserAgent = "");

    public sealed record SignInList
    {
        public IReadOnlyList<SignIn> SignIns { get; init; } = [];
    }

    public sealed record SessionsEnded(long Ended = 0);
}
