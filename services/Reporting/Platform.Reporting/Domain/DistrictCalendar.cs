using Microsoft.EntityFrameworkCore;
using Platform.Reporting.Data;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Domain;

/// <summary>
/// A district's reporting calendar: today in China time, and the grace period after a month's due date (the district's
/// own setting, else Reporting:GraceDays, 5 days). Settings are read once per request and kept for it.
/// </summary>
public sealed class DistrictCalendar(ReportingDbContext db, TimeProvider clock, IConfiguration configuration)
{
    private readonly Dictionary<string, int> graces = new(StringComparer.Ordinal);

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The grace period when a district has not set its own.</summary>
    public int DefaultGraceDays => configuration.GetValue("Reporting:GraceDays", 5);

    /// <summary>
    /// A district's grace period; load it first with <see cref="LoadAsync(string, CancellationToken)"/>.
    /// </summary>
    public int GraceDaysFor(string tenant) => graces.TryGetValue(tenant, out var days) ? days : DefaultGraceDays;

    /// <summary>The last day a month's report is late but not yet missing.</summary>
    public DateOnly GraceUntil(ReportingPeriod period) => period.DueOn.AddDays(GraceDaysFor(period.TenantId));

    public async Task LoadAsync(IEnumerable<string> tenants, CancellationToken cancellationToken)
    {
        var missing = tenants.Where(t => !graces.ContainsKey(t)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var set = await db.Settings.AsNoTracking()
            .Where(s => missing.Contains(s.TenantId))
            .ToDictionaryAsync(s => s.TenantId, s => s.GraceDays, cancellationToken);
        foreach (var tenant in missing)
        {
            graces[tenant] = set.TryGetValue(tenant, out var days) ? days : DefaultGraceDays;
        }
    }

    public Task LoadAsync(string tenant, CancellationToken cancellationToken) => LoadAsync([tenant], cancellationToken);

    /// <summary>
    /// A district's setting read along with something else (null: it has none), instead of loading it.
    /// </summary>
    public void Remember(string tenant, int? days) => graces[tenant] = days ?? DefaultGraceDays;

    /// <summary>Forgets a district's grace after it changed.</summary>
    public void Forget(string tenant) => graces.Remove(tenant);
}
