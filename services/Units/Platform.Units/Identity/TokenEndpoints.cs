using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.Units.Data;

namespace Platform.Units.Identity;

/// <summary>
/// The OAuth2 token endpoint (RFC 6749): password grant for people through a public client, client credentials for
/// integration clients, refresh tokens rotated on every use. Errors use the RFC's codes, never a 500.
/// </summary>
public static partial class TokenEndpoints
{
    private const int MaxFormBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(TokenRateLimiting.Policy);
        app.MapGet(
            AccountRevocations.Path, async (AccountRevocations revocations, CancellationToken cancellationToken) =>
            Results.Json(await revocations.ListAsync(cancellationToken))).AllowAnonymous();
        app.MapGet(
            "/.well-known/jwks.json",
            (SigningKeyProvider keys) => Results.Json(new { keys = new[] { keys.PublicJwk() } }))
            .AllowAnonymous();
        app.MapGet("/.well-known/openid-configuration", (IOptions<IdentityOptions> options) =>
        {
            // From configuration only: the Host header is the caller's to choose, and the platform's hosts look their
            // keys up at the jwks_uri named here.
            var origin = (
                options.Value.Authority is { Length: > 0 } authority ? authority : "http://localhost").TrimEnd('/');
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = options.Value.Issuer,
                ["jwks_uri"] = origin + "/.well-known/jwks.json",
                ["token_endpoint"] = origin + "/connect/token",
                ["grant_types_supported"] = new[] { "password", "client_credentials", "refresh_token" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["scopes_supported"] = PlatformScopes.All.Order().ToArray(),
            });
        }).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> IssueAsync(
        HttpContext http, UnitsDbContext db, TenantContext tenant, TokenIssuer issuer, SignInThrottle throttle,
        AccountChanges changes,
        IOptions<IdentityOptions> options, TimeProvider clock, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }

        if (http.Request.ContentLength is > MaxFormBytes)
        {
            return Error(
                "invalid_request",
                $"The token request is larger than {MaxFormBytes} bytes.",
                StatusCodes.Status413PayloadTooLarge);
        }

        IFormCollection form;
        try
        {
            var limits = new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                ValueLengthLimit = 4096, KeyLengthLimit = 64, ValueCountLimit = 20,
            };
            form = await http.Request.ReadFormAsync(limits, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error("invalid_request", "The token request body could not be read as a form: " + ex.Message);
        }

        var logger = loggers.CreateLogger("Platform.Units.Identity");
        var grant = form["grant_type"].ToString();
        // Sign-in looks accounts up before any tenant is known, so a token request acts as the platform to its end: it
        // has no caller whose own rights it could go back to. The other cross-tenant steps (the relay, the periodic
        // jobs, start-up, the directory's writes) each open their own scope.
        using var platform = tenant.AsSystem("token request");
        return grant switch
        {
            "password" => await PasswordAsync(
                http, form, db, issuer, throttle, changes, options.Value, clock, logger, cancellationToken),
            "client_credentials" => await ClientCredentialsAsync(http, form, db, issuer, logger, cancellationToken),
            "refresh_token" => await RefreshAsync(
                http, form, db, issuer, options.Value, clock, logger, cancellationToken),
            "" => Error("invalid_request", "grant_type is required."),
            _ => Error(
                "unsupported_grant_type",
                $"grant_type '{Truncate(grant)}' is not supported; use password, client_credentials or refresh_token."),
        };
    }

    private static async Task<IResult> PasswordAsync(
        HttpContext http, IFormCollection form, UnitsDbContext db, TokenIssuer issuer, SignInThrottle throttle,
        AccountChanges changes,
        IdentityOptions options, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var clientId = form["client_id"].ToString();
        if (!options.PublicClients.Contains(clientId))
        {
            return Error(
                "invalid_client",
                "The password grant is only for the platform's own clients (client_id=platform-cli).",
                StatusCodes.Status401Unauthorized);
        }

        var username = form["username"].ToString().Trim().ToLowerInvariant();
        var password = form["password"].ToString();
        if (username.Length == 0 || password.Length == 0)
        {
            return Error("invalid_request", "username and password are required.");
        }

        // The same steps whether or not the username exists, is locked or the password is right (a hash is checked in
        // every case): the answer and its timing tell an unknown name, a locked one and a wrong password apart only
        // to the person who knows the password, and to them only once the lock has passed.
        var refused = Error("invalid_grant",
            $"The username or password is incorrect. After {options.SignIn.MaxFailures} wrong passwords in a row a " +
            "username cannot sign in " +
            $"for {Describe(options.SignIn.LockoutDuration)}; wait before trying again.");
        if (username.Length > Domain.Account.MaxUsernameLength)
        {
            // Longer than any username may be: nothing to count or lock.
            Secrets.Verify(Secrets.DummyHash, password);
            LogSignInRefused(logger, Truncate(username));
            return refused;
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Username == username, cancellationToken);
        var right = Secrets.Verify(account?.PasswordHash ?? Secrets.DummyHash, password);
        var valid = right && account is { IsDisabled: false };
        var client = SignInClient.Of(http);
        var verdict = await throttle.CheckAsync(username, account, valid, client.Address, cancellationToken);
        if (!verdict.Allowed)
        {
            LogSignInRefused(logger, Truncate(username));
            if (account is not null)
            {
                await RecordAsync(
                    db,
                    account,
                    right && account.IsDisabled ? Domain.SignInOutcomes.Disabled : Domain.SignInOutcomes.Refused,
                    client,
                    clock,
                    cancellationToken);
            }

            await Task.Delay(verdict.Delay, cancellationToken);
            return refused;
        }

        if (await SuspendedAsync(db, account!.TenantId, cancellationToken))
        {
            // Said only to whoever knows the password.
            await RecordAsync(db, account, Domain.SignInOutcomes.Suspended, client, clock, cancellationToken);
            return Error("invalid_grant", Suspended);
        }

        if (account.MustChangePassword)
        {
            // A password the office gave (a new account, a reset) opens nothing until the person has chosen their own,
            // in the same request: nobody but them ever holds a token under the office's password.
            var chosen = form["new_password"].ToString();
            if (chosen.Length == 0)
            {
                await RecordAsync(
                    db, account, Domain.SignInOutcomes.PasswordChangeRequired, client, clock, cancellationToken);
                return Error("password_change_required",
                    "This password was given by the district office and must be replaced before signing in: send the " +
                    "request again " +
                    $"with new_password, a password of your own of at least {options.MinPasswordLength} characters.");
            }

            var problem = Secrets.ValidatePassword(chosen, options.MinPasswordLength)
                ?? (chosen == password ? "must differ from the password the office gave" : null);
            if (problem is not null)
            {
                await RecordAsync(
                    db, account, Domain.SignInOutcomes.PasswordChangeRequired, client, clock, cancellationToken);
                return Error("invalid_request", $"new_password {problem}.");
            }

            var before = AccountChanges.Snapshot(account);
            account.PasswordHash = Secrets.Hash(chosen);
            account.MustChangePassword = false;
            changes.Changed(
                account, Domain.AccountActions.PasswordChanged, before, account.Id.ToString(), clock.GetUtcNow());
        }

        var now = clock.GetUtcNow();
        db.SignInEvents.Add(Event(account, Domain.SignInOutcomes.Succeeded, client, now));
        // The history keeps its last 180 days: an account's older entries go when it next signs in.
        var expired = now - Domain.SignInEvent.Retention;
        await db.SignInEvents.Where(e => e.AccountId == account.Id && e.At < expired)
            .ExecuteDeleteAsync(cancellationToken);
        return await IssueForAccountAsync(
            account,
            Guid.NewGuid(),
            client,
            db,
            issuer,
            options,
            clock,
            verdict.FailedAttemptsSinceLastSignIn,
            cancellationToken);
    }

    private static async Task RecordAsync(
        UnitsDbContext db, Domain.Account account, string outcome, SignInClient client, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        db.SignInEvents.Add(Event(account, outcome, client, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Domain.SignInEvent Event(
        Domain.Account account, string outcome, SignInClient client, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), TenantId = account.TenantId, AccountId = account.Id, At = at, Outcome = outcome,
        ClientAddress = client.Address, UserAgent = client.UserAgent,
    };

    private static async Task<IResult> ClientCredentialsAsync(
        HttpContext http, IFormCollection form, UnitsDbContext db, TokenIssuer issuer, ILogger logger,
        CancellationToken cancellationToken)
    {
        var (clientId, secret) = ClientCredentials(http.Request, form);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return Error(
                "invalid_client",
                "client_id and client_secret are required (form fields or HTTP Basic).",
                StatusCodes.Status401Unauthorized);
        }

        var client = await db.Clients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        var valid = Secrets.Verify(client?.SecretHash ?? Secrets.DummyHash, secret);
        if (client is null || !valid || client.IsDisabled)
        {
            LogClientRefused(logger, Truncate(clientId));
            return Error(
                "invalid_client", "The client is unknown or its secret is wrong.", StatusCodes.Status401Unauthorized);
        }

        if (await SuspendedAsync(db, client.TenantId, cancellationToken))
        {
            return Error("invalid_client", Suspended, StatusCodes.Status401Unauthorized);
        }

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var notGranted = requested.Except(client.Scopes).ToList();
        if (notGranted.Count > 0)
        {
            return Error("invalid_scope", $"The client is not granted: {Truncate(string.Join(' ', notGranted))}.");
        }

        var scopes = requested.Length > 0 ? requested.Distinct().ToList() : client.Scopes;
        var token = issuer.ForClient(client, scopes);
        return Results.Json(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn, null, token.Scope, null));
    }

    private static async Task<IResult> RefreshAsync(
        HttpContext http, IFormCollection form, UnitsDbContext db, TokenIssuer issuer, IdentityOptions options,
        TimeProvider clock, ILogger logger,
        CancellationToken cancellationToken)
    {
        var presented = form["refresh_token"].ToString();
        if (presented.Length == 0)
        {
            return Error("invalid_request", "refresh_token is required.");
        }

        var now = clock.GetUtcNow();
        var stored = await db.RefreshTokens.SingleOrDefaultAsync(
            t => t.TokenHash == Secrets.Digest(presented), cancellationToken);
        if (stored is null || stored.ExpiresAt <= now)
        {
            return Error("invalid_grant", "The refresh token is unknown or expired; sign in again.");
        }

        if (stored.EndedAt is not null)
        {
            // The person ended this session from another one: not a leak, nothing more to end.
            return Error("invalid_grant", "This session was ended by its owner; sign in again.");
        }

        if (stored.RevokedAt is not null)
        {
            // A rotated token presented again means it leaked: end every session of that account.
            await db.RefreshTokens.Where(t => t.AccountId == stored.AccountId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            LogRefreshReuse(logger, stored.AccountId);
            return Error(
                "invalid_grant",
                "The refresh token was already used; every session of the account has been ended. Sign in again.");
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == stored.AccountId, cancellationToken);
        if (account is null || account.IsDisabled)
        {
            return Error("invalid_grant", "The account no longer exists or is disabled.");
        }

        if (await SuspendedAsync(db, account.TenantId, cancellationToken))
        {
            return Error("invalid_grant", Suspended);
        }

        stored.RevokedAt = now;
        // A refresh that names no program or address keeps what the session knew.
        var client = SignInClient.Of(http);
        client = new SignInClient(client.Address ?? stored.ClientAddress, client.UserAgent ?? stored.UserAgent);
        return await IssueForAccountAsync(
            account, stored.SessionId, client, db, issuer, options, clock, failedAttempts: null, cancellationToken);
    }

    /// <param name="failedAttempts">
    /// For a sign-in with a password: the wrong passwords given for the username since its last sign-in, so that the
    /// person learns of someone else's guessing (the portal shows it). Null for a refresh.
    /// </param>
    /// <param name="session">A new session for a sign-in, the refreshed token's for a refresh.</param>
    private static async Task<IResult> IssueForAccountAsync(
        Domain.Account account, Guid session, SignInClient client, UnitsDbContext db, TokenIssuer issuer,
        IdentityOptions options, TimeProvider clock,
        int? failedAttempts, CancellationToken cancellationToken)
    {
        var token = issuer.ForAccount(account, session);
        var refresh = Secrets.NewOpaqueToken();
        var now = clock.GetUtcNow();
        db.RefreshTokens.Add(new Domain.RefreshToken
        {
            TokenHash = Secrets.Digest(refresh),
            AccountId = account.Id,
            TenantId = account.TenantId,
            SessionId = session,
            ClientAddress = client.Address,
            UserAgent = client.UserAgent,
            CreatedAt = now,
            ExpiresAt = now + options.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(
            new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn, refresh, token.Scope, failedAttempts));
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) &&
            header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':');
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    /// <summary>
    /// Who asked for a token, as this service sees them: the browser's address behind a trusted proxy, and its program.
    /// </summary>
    private sealed record SignInClient(string? Address, string? UserAgent)
    {
        public static SignInClient Of(HttpContext http)
        {
            // Whoever tries a password chooses this text and the account's owner reads it, in a terminal too: control
            // characters (escape sequences) are dropped.
            var agent = string.Concat(http.Request.Headers.UserAgent.ToString().Where(c => !char.IsControl(c))).Trim();
            return new(
                http.Connection.RemoteIpAddress is { } address
                    ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
                    : null,
                agent.Length == 0
                    ? null
                    : agent.Length > Domain.RefreshToken.MaxUserAgentLength
                    ? agent[..Domain.RefreshToken.MaxUserAgentLength]
                    : agent);
        }
    }

    private const string Suspended = "This district's use of the platform is suspended; ask the platform's " +
        "administrators.";

    private static Task<bool> SuspendedAsync(UnitsDbContext db, string tenantId, CancellationToken cancellationToken) =>
        db.Tenants.AnyAsync(t => t.Id == tenantId && t.SuspendedAt != null, cancellationToken);

    private static IResult Error(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    private static string Describe(TimeSpan duration) =>
        duration >= TimeSpan.FromMinutes(1)
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture, $"{Math.Ceiling(duration.TotalMinutes):0} minutes")
            : string.Create(
                System.Globalization.CultureInfo.InvariantCulture, $"{Math.Ceiling(duration.TotalSeconds):0} seconds");

    private static string Truncate(string value) => value.Length > 64 ? value[..64] + "…" : value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for '{Username}'")]
    private static partial void LogSignInRefused(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client credentials refused for '{ClientId}'")]
    private static partial void LogClientRefused(ILogger logger, string clientId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A revoked refresh token of account {AccountId} was presented again; all its sessions were ended")]
    private static partial void LogRefreshReuse(ILogger logger, Guid accountId);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        string? RefreshToken,
        [property: JsonPropertyName("scope")] string Scope,
        [property: JsonPropertyName("failed_attempts_since_last_sign_in")]
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        int? FailedAttemptsSinceLastSignIn);
}
