using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Api;
using Platform.Portal.Session;

namespace Platform.Portal;

/// <summary>What every signed-in page has: the person, the API as them, and a message carried across a redirect.</summary>
public abstract class PortalPage : PageModel
{
    public const string ErrorKey = "error";
    public const string FlashKey = "flash";

    private Person? person;

    public Person Me => person ??= Person.From(User);

    protected PlatformApi Api => HttpContext.RequestServices.GetRequiredService<PlatformApi>();

    protected CancellationToken Ct => HttpContext.RequestAborted;

    /// <summary>An error to show on top of this render (in addition to one carried by TempData).</summary>
    public string? Error { get; set; }

    protected Task<CallOptions> AsMe() => Api.AsPersonAsync(Ct);

    protected IActionResult Done(string message, string? to = null)
    {
        TempData[FlashKey] = message;
        return Redirect(to ?? (Request.Path + Request.QueryString));
    }

    /// <summary>Runs a call whose refusal is shown on this page (keeping what the person typed); false when refused.</summary>
    protected async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode is not Grpc.Core.StatusCode.Unauthenticated)
        {
            Error = ApiErrors.Describe(ex);
            return false;
        }
        catch (ApiException ex) when (ex.Status != 401)
        {
            Error = ex.Message;
            return false;
        }
    }
}
