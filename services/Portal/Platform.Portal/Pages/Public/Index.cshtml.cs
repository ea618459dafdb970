using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Public;

namespace Platform.Portal.Pages.Public;

/// <summary>
/// A district's public progress page: no sign-in, nothing of the person (the gateway sends no cookie here), only what
/// the district published; an unknown code or an unpublished page is 404.
/// </summary>
public sealed class IndexModel(PublicPages pages) : PageModel
{
    public PublicPageData? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        Data = await pages.ReadAsync(code, HttpContext.RequestAborted);
        if (Data is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=30";
        return Page();
    }
}
