using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Platform.Portal.Session;

/// <summary>
/// The signed-in person's platform tokens, kept in the authentication cookie (encrypted by Data Protection, HTTP-only):
/// obtained from the gateway's token endpoint with the password grant, refreshed shortly before they expire. The portal
/// itself decides nothing from them; every permission is the API's.
/// </summary>
public sealed partial class PortalSession(
    IHttpContextAccessor accessor,
    IHttpClientFactory httpFactory,
    RefreshCoordinator refreshes,
    PortalOptions options,
    ILogger<PortalSession> logger)
{
    public const string ClientId = "platform-portal";
    public const string TenantClaim = "tenant";
    public const string TenantNameClaim = "tenant_name";
    public const string UnitClaim = "unit";
    public const string UnitNameClaim = "unit_name";
    private const string AccessToken = "access_token";
    private const string RefreshToken = "refresh_token";
    private const string ExpiresAt = "expires_at";
    private const string CachedToken = "duban.access-token";

    private HttpContext Context =>
        accessor.HttpContext ?? throw new InvalidOperationException("No request in progress.");

    /// <summary>
    /// What a refused sign-in says, whatever the reason: a wrong password, an unknown username and a username locked
    /// after repeated wrong passwords get the same answer from the platform, so the hint covers the lock every time.
    /// </summary>
    public const string SignInRefused = "用户名或密码不正确。连续多次输错密码后，该用户名会暂时无法登录，请稍后再试。";

    /// <summary>
    /// Exchanges the person's credentials for platform tokens; the principal is not signed in yet. Also says how many
    /// wrong passwords were given for the username since its last sign-in, which the person should hear of.
    /// </summary>
    /// <param name="newPassword">
    /// The person's own password, when the one given is the office's (a new account, a reset).
    /// </param>
    public async Task<(ClaimsPrincipal Principal, AuthenticationProperties Properties, int FailedAttempts)>
        AuthenticateAsync(
            string username, string password, CancellationToken cancellationToken, string? newPassword = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = password, ["client_id"] = ClientId,
        };
        if (newPassword is not null)
        {
            form["new_password"] = newPassword;
        }

        var tokens = await TokenAsync(form, cancellationToken) ?? throw new SignInRefusedException(SignInRefused);
        var principal = ToPrincipal(tokens.AccessToken);
        var properties = new AuthenticationProperties { IsPersistent = false, AllowRefresh = true };
        Store(properties, tokens);
        Context.Items[CachedToken] = tokens.AccessToken;
        return (principal, properties, tokens.FailedAttempts);
    }

    public async Task CompleteSignInAsync(
        ClaimsPrincipal principal, AuthenticationProperties properties, IEnumerable<Claim> extra)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaims(extra);
        await Context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
    }

    public Task SignOutAsync() => Context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>
    /// A valid access token of the signed-in person, refreshed (and the cookie re-issued) when about to expire.
    /// </summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Context.Items[CachedToken] is string cached)
        {
            return cached;
        }

        var result = await Context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!result.Succeeded
            || result.Properties is not { } properties
            || properties.GetTokenValue(AccessToken) is not { } access)
        {
            throw new SessionExpiredException("未登录或登录已过期，请重新登录。");
        }

        var expiresAt = DateTimeOffset.Parse(
            properties.GetTokenValue(ExpiresAt) ?? "2000-01-01T00:00:00Z",
            System.Globalization.CultureInfo.InvariantCulture);
        if (expiresAt > DateTimeOffset.UtcNow.Add(options.RefreshBefore))
        {
            Context.Items[CachedToken] = access;
            return access;
        }

        if (properties.GetTokenValue(RefreshToken) is not { } refresh)
        {
            throw new SessionExpiredException("登录已过期，请重新登录。");
        }

        var tokens = await refreshes.RefreshOnceAsync(refresh, () => TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = ClientId,
        }, CancellationToken.None)) ?? throw new SessionExpiredException("登录已过期，请重新登录。");
        Store(properties, tokens);
        if (!Context.Response.HasStarted)
        {
            await Context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!, properties);
        }

        Context.Items[CachedToken] = tokens.AccessToken;
        return tokens.AccessToken;
    }

    private static void Store(AuthenticationProperties properties, Tokens tokens)
    {
        var list = new List<AuthenticationToken>
        {
            new() { Name = AccessToken, Value = tokens.AccessToken },
            new()
            {
                Name = ExpiresAt, Value = tokens.ExpiresAt.ToString(
                    "o", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        if (tokens.RefreshToken is { } refresh)
        {
            list.Add(new AuthenticationToken { Name = RefreshToken, Value = refresh });
        }

        properties.StoreTokens(list);
    }

    /// <summary>
    /// The token endpoint's answer; null when it refuses the grant (400/401), an exception when unreachable. The
    /// browser's address goes along in X-Forwarded-For: the gateway believes it from the portal only, and limits
    /// sign-ins per browser instead of putting every person who signs in here into the portal's one bucket.
    /// </summary>
    private async Task<Tokens?> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var http = httpFactory.CreateClient(Api.PlatformApi.GatewayHttpClient);
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token")
        {
            Content = new FormUrlEncodedContent(form),
        };
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } browser)
        {
            var address = browser.IsIPv4MappedToIPv6 ? browser.MapToIPv4() : browser;
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
        }

        // The person's sign-in history names the browser they signed in with, not the portal.
        if (accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if ((int)response.StatusCode is 400 or 401)
        {
            LogRefused(logger, form["grant_type"], (int)response.StatusCode);
            var error = TryError(text);
            if (error == "password_change_required")
            {
                throw new PasswordChangeRequiredException("此密码由区督办室设置（新账号或重置），请先设置您自己的密码。");
            }

            if (error == "invalid_request" && form.ContainsKey("new_password"))
            {
                throw new SignInRefusedException($"新密码不符合要求：至少 {options.MinPasswordLength} 个字符，且不能与原密码相同。");
            }

            return null;
        }

        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            throw new Api.ApiException("登录尝试过于频繁，请稍后再试。", StatusCodes.Status429TooManyRequests);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new Api.ApiException($"登录服务暂不可用（{(int)response.StatusCode}），请稍后重试。", (int)response.StatusCode);
        }

        var json = JsonDocument.Parse(text).RootElement;
        return new Tokens(
            json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var r) ? r.GetString() : null,
            DateTimeOffset.UtcNow.AddSeconds(json.GetProperty("expires_in").GetInt32()),
            json.TryGetProperty("failed_attempts_since_last_sign_in", out var f) && f.TryGetInt32(out var failed)
                ? failed
                : 0);
    }

    private static string? TryError(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("error", out var error)
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The person as the token names them. The token came straight from the token endpoint over the back channel.
    /// </summary>
    private static ClaimsPrincipal ToPrincipal(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            throw new SessionExpiredException("登录服务返回的令牌无法识别。");
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
        var claims = new List<Claim>();
        void Add(string name, string type)
        {
            if (!json.TryGetProperty(name, out var value))
            {
                return;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                claims.AddRange(value.EnumerateArray().Select(v => new Claim(type, v.GetString() ?? string.Empty)));
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                claims.Add(new Claim(type, value.GetString()!));
            }
        }

        Add("name", ClaimTypes.Name);
        Add("sub", ClaimTypes.NameIdentifier);
        Add("tenant", TenantClaim);
        Add("unit", UnitClaim);
        Add("role", ClaimTypes.Role);
        return new ClaimsPrincipal(new ClaimsIdentity(
            claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private sealed record Tokens(
        string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt, int FailedAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token endpoint refused the {Grant} grant ({Status})")]
    private static partial void LogRefused(ILogger logger, string grant, int status);
}
