namespace Platform.Reporting.Domain;

/// <summary>What a row of <see cref="TenantTotals"/> or <see cref="DivisionRollup"/> counts by.</summary>
public static class TotalsDimension
{
    public const string Total = "total";

    public const string Indicator = "indicator";

    public const string Category = "category";

    public const string Unit = "unit";
}
