namespace Platform.MultiTenancy;

public static class TenantContextExtensions
{
    /// <summary>
    /// Who did it, as the audit trail and the events name them: the caller's user id; "unknown" for a call without one
    /// (a service token), so a record never lacks its author.
    /// </summary>
    public static string Actor(this ITenantContext caller) => caller.UserId ?? "unknown";
}
