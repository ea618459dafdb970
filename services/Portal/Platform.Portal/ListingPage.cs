using Microsoft.AspNetCore.Mvc;

namespace Platform.Portal;

/// <summary>
/// A page listing rows of a month: the month asked for, the column sorted by and its direction, the page of rows,
/// all carried in the address so that a link or a reload shows the same rows.
/// </summary>
public abstract class ListingPage : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
}
