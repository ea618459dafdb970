using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// The newest assessment (考核) of a district's year that this service announced: by rule version, a final one after
/// the provisional one of the same version. An older result arriving late announces nothing.
/// </summary>
public sealed class AssessmentState : ITenantEntity
{
    public required string TenantId { get; set; }

    public int Year { get; set; }

    public int RuleVersion { get; set; }

    public bool Final { get; set; }

    /// <summary>Whether a result of this rule version and finality comes after the one held.</summary>
    public bool IsOlderThan(int ruleVersion, bool final) =>
        ruleVersion > RuleVersion || (ruleVersion == RuleVersion && final && !Final);
}
