namespace Platform.Reporting.Domain;

/// <summary>
/// Counts over a set of <see cref="TaskLight"/> rows of one month: what a comparison view needs without reading the
/// rows themselves. <see cref="Owed"/> counts a task once per lead unit (one report is owed by each).
/// Invariants: <see cref="OnTime"/> ≤ <see cref="Reported"/> ≤ <see cref="Owed"/>, <see cref="Accepted"/> ≤
/// <see cref="Reported"/>, green + yellow + red = <see cref="Owed"/>.
/// </summary>
public abstract class LightTotals
{
    public required string TenantId { get; set; }

    public required string Period { get; set; }

    /// <summary>One of <see cref="TotalsDimension"/>.</summary>
    public required string Dimension { get; set; }

    /// <summary>Empty for the total; else the indicator, the category or the lead unit's id.</summary>
    public required string Key { get; set; }

    public int Tasks { get; set; }

    public int Owed { get; set; }

    public int Green { get; set; }

    public int Yellow { get; set; }

    public int Red { get; set; }

    public int Overdue { get; set; }

    /// <summary>Reports judged for punctuality: handed in, or missing after the due date.</summary>
    public int Due { get; set; }

    /// <summary>Reports handed in (submitted or accepted) and first submitted by the due date.</summary>
    public int OnTime { get; set; }

    public int Reported { get; set; }

    public int Accepted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
