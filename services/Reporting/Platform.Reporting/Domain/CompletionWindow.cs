using Platform.ServiceDefaults.Errors;

namespace Platform.Reporting.Domain;

/// <summary>
/// When a year's completion reports may be written and reviewed: from the day the office opened the filing (China
/// time) until the year is closed, after which its reports, like its scores, are frozen.
/// </summary>
public static class CompletionWindow
{
    /// <summary>Refuses a change of a completion report of <paramref name="year"/> outside its window.</summary>
    public static void RequireOpen(ClosingYear? closing, int year, DateOnly today)
    {
        if (closing?.ClosedAt is not null)
        {
            throw new PreconditionException(
                $"{year}年度已关账，年度完成情况不能再修改 (the year {year} is closed; its completion reports are frozen).");
        }

        if (closing?.CompletionOpensOn is not { } opensOn)
        {
            throw new PreconditionException(
                $"区营商办尚未开放{year}年度完成情况填报 (the office has not opened the {year} completion filing yet).");
        }

        if (today < opensOn)
        {
            throw new PreconditionException(
                $"{year}年度完成情况自{opensOn:yyyy-MM-dd}起填报 (the {year} completion filing opens on {opensOn:yyyy-MM-dd}).");
        }
    }
}
