using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Portal.Tests;

/// <summary>
/// What the in-memory portal tests do as a browser would: a client that keeps cookies, the sign-in form.
/// </summary>
internal static partial class PortalForms
{
    /// <summary>A client that keeps the session cookie and shows redirects instead of following them.</summary>
    public static WebApplicationFactoryClientOptions NoRedirects =>
        new() { AllowAutoRedirect = false, HandleCookies = true };

    /// <summary>Fills and posts the sign-in form, with the antiforgery token the form carries.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        HttpClient client, string username, string password, string? returnUrl = null)
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = password, ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
