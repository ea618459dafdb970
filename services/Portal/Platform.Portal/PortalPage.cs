using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Portal.Api;
using Platform.Portal.Session;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal;

/// <summary>
/// What every signed-in page has: the person, the API as them, and a message carried across a redirect.
/// </summary>
public abstract class PortalPage : PageModel
{
    public const string ErrorKey = "error";
    public const string FlashKey = "flash";

    private Person? person;

    public Person Me => person ??= Person.From(User);

    /// <summary>Rows per page of the page's list (?size=, 5 to 200).</summary>
    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Listing.DefaultPageSize;

    protected PlatformApi Api => HttpContext.RequestServices.GetRequiredService<PlatformApi>();

    protected CancellationToken Ct => HttpContext.RequestAborted;

    /// <summary>An error to show on top of this render (in addition to one carried by TempData).</summary>
    public string? Error { get; set; }

    protected Task<CallOptions> AsMe() => Api.AsPersonAsync(Ct);

    private Dictionary<string, string>? people;

    /// <summary>
    /// Names for the account ids the services record (who signed, submitted, decided): the office reads its district's
    /// accounts; everyone else knows themselves, and sees another account as a short id.
    /// </summary>
    protected async Task LoadPeopleAsync()
    {
        people = new Dictionary<string, string>(StringComparer.Ordinal);
        if (User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } mine)
        {
            people[mine] = Me.Username;
        }

        if (Me.IsOffice)
        {
            var accounts = await Api.Accounts.ListAccountsAsync(
                new Platform.Contracts.Units.V1.ListAccountsRequest(), await AsMe());
            foreach (var account in accounts.Accounts)
            {
                people[account.Id] = account.DisplayName.Length > 0
                    ? $"{account.DisplayName}（{account.Username}）"
                    : account.Username;
            }
        }
    }

    /// <summary>The person behind an account id, as far as this person may know.</summary>
    public string Who(string id) =>
        people?.GetValueOrDefault(id) ?? (id.Length > 12 && Guid.TryParse(id, out _) ? "账号 " + id[..8] : id);

    /// <summary>
    /// The district's reporting periods and the one to show: the asked one when well-formed, else the current.
    /// </summary>
    protected async Task<PeriodChoice> PeriodsAsync(string? requested)
    {
        var response = await Api.Reports.ListPeriodsAsync(new ReportingV1.ListPeriodsRequest(), await AsMe());
        var current = response.CurrentPeriod;
        return new PeriodChoice(PeriodOr(requested, current), current, response.Periods.ToList());
    }

    /// <summary>The asked month when it is one ("2023-07"), else the fallback.</summary>
    private static string PeriodOr(string? requested, string fallback) =>
        requested is { Length: 7 }
        && System.Text.RegularExpressions.Regex.IsMatch(requested, "^[0-9]{4}-(0[1-9]|1[0-2])$")
            ? requested
            : fallback;

    protected IActionResult Done(string message, string? to = null)
    {
        TempData[FlashKey] = message;
        return Redirect(to ?? Back(HttpContext));
    }

    /// <summary>
    /// Where a form post returns to: the page it was sent from (same origin, with its filters and month), else this
    /// page's address without the handler.
    /// </summary>
    public static string Back(HttpContext context)
    {
        var request = context.Request;
        // Behind the gateway the host the browser saw is not this one: only the path is taken, and only a path of this
        // site. (A cross-site post never gets here: the antiforgery check refuses it first.)
        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) &&
            referer.PathAndQuery is ['/', not ('/' or '\\'), ..] back && referer.AbsolutePath != "/login")
        {
            return back;
        }

        return Listing.With(request, ("handler", null));
    }

    /// <summary>
    /// Runs a call whose refusal is shown on this page (keeping what the person typed); false when refused.
    /// </summary>
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
