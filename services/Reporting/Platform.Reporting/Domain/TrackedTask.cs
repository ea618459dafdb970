using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>This service's copy of a published task (from TaskListPublished): what is reported on, by whom.</summary>
public sealed class TrackedTask : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public int Year { get; set; }

    public int ListVersion { get; set; }

    public required string Number { get; set; }

    public int Order { get; set; }

    public string? Category { get; set; }

    public required string Text { get; set; }

    public List<Guid> LeadUnitIds { get; set; } = [];

    public List<string> LeadUnitNames { get; set; } = [];

    public List<Guid> ResponsibleUnitIds { get; set; } = [];

    public List<string> ResponsibleUnitNames { get; set; } = [];

    public DateOnly? Deadline { get; set; }

    /// <summary>The deadline an approved extension (延期) granted.</summary>
    public DateOnly? ExtendedDeadline { get; set; }

    /// <summary>The day the office verified the task's closure (办结); no reports are due after it.</summary>
    public DateOnly? ClosedOn { get; set; }

    public DateOnly? EffectiveDeadline => ExtendedDeadline ?? Deadline;

    public DateOnly? IssuedOn { get; set; }

    public List<TrackedTarget> Targets { get; set; } = [];

    public List<string> Indicators { get; set; } = [];

    /// <summary>False once a later version of the list replaced this one.</summary>
    public bool Active { get; set; } = true;
}

public sealed record TrackedTarget
{
    public required string Text { get; init; }

    public decimal? Value { get; init; }

    public string? Unit { get; init; }

    public decimal? Baseline { get; init; }

    public required string Direction { get; init; }
}

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

public static class PeriodKey
{
    public static string Format(int year, int month) => $"{year:D4}-{month:D2}";

    public static bool TryParse(string? value, out int year, out int month)
    {
        year = month = 0;
        return value is { Length: 7 } && value[4] == '-' &&
               int.TryParse(value.AsSpan(0, 4), out year) && int.TryParse(value.AsSpan(5, 2), out month) &&
               year is >= 2000 and <= 2100 && month is >= 1 and <= 12;
    }
}
