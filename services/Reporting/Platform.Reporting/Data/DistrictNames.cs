using Microsoft.EntityFrameworkCore;

namespace Platform.Reporting.Data;

/// <summary>How a district is named on the documents and pages reporting writes.</summary>
public static class DistrictNames
{
    /// <summary>The district's name (渝中区), or its code until its TenantProvisioned has arrived.</summary>
    public static async Task<string> DistrictNameAsync(
        this ReportingDbContext db, string tenant, CancellationToken cancellationToken) =>
        await db.Districts.Where(d => d.TenantId == tenant).Select(d => d.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? tenant;
}
