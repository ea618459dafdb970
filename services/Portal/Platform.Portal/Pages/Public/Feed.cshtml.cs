using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Public;

namespace Platform.Portal.Pages.Public;

/// <summary>The Atom feed of a district's public page: what changed, for readers that subscribe.</summary>
public sealed class FeedModel(PublicPages pages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code)
    {
        var data = await pages.ReadAsync(code, HttpContext.RequestAborted);
        if (data is null)
        {
            return NotFound();
        }

        var pageUrl = new Uri($"{Request.Scheme}://{Request.Host}/public/{data.DistrictCode}");
        Response.Headers.CacheControl = "public, max-age=30";
        return Content(PublicFeed.Build(data, pageUrl), "application/atom+xml; charset=utf-8");
    }
}
