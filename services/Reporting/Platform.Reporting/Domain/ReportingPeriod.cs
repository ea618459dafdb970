using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>One month of one published list, due on its last day (the document's rule).</summary>
public sealed class ReportingPeriod : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public int Year { get; set; }

    public int Month { get; set; }

    public DateOnly DueOn { get; set; }

    public string Key => PeriodKey.Format(Year, Month);

    /// <summary>Months from the issue month (or January) to December, each due on its last day.</summary>
    public static IEnumerable<ReportingPeriod> For(string tenantId, Guid listId, int year, DateOnly? issuedOn)
    {
        var first = issuedOn is { } issued && issued.Year == year ? issued.Month : 1;
        for (var month = first; month <= 12; month++)
        {
            yield return new ReportingPeriod
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                TaskListId = listId,
                Year = year,
                Month = month,
                DueOn = new DateOnly(year, month, DateTime.DaysInMonth(year, month)),
            };
        }
    }
}
