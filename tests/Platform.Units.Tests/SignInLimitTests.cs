using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// Password guessing: a username locks after five wrong passwords in a row (two seconds here), refuses even the right
/// password meanwhile in the very words of a wrong one, and tells the person at the next sign-in how many wrong ones
/// there were; the district office finds the lock in its audit. An unknown username is answered the same way
/// throughout. The token endpoint on the service's own port is limited per client address.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class SignInLimitTests(UnitsApp app)
{
    private const int MaxFailures = 5;

    [Fact]
    public async Task FiveWrongPasswordsLockTheUsernameUntilTheLockPassesAndTheNextSignInSaysHowManyFailed()
    {
        var username = await app.NewLeaderAsync("guess.");
        var wrong = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < MaxFailures; i++)
        {
            wrong.Add(await SignInAsync(username, "wrong-" + i));
        }

        Assert.All(wrong, w => Assert.Equal(HttpStatusCode.BadRequest, w.Status));
        Assert.Single(wrong.Select(w => w.Body).Distinct());
        Assert.Equal("invalid_grant", JsonDocument.Parse(wrong[0].Body).RootElement.GetProperty("error").GetString());
        Assert.Contains("cannot sign in", wrong[0].Body, StringComparison.Ordinal);

        // Locked: the right password is refused exactly as a wrong one is.
        var locked = await SignInAsync(username, UnitsApp.Password);
        Assert.Equal(wrong[0], locked);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var (status, body) = await SignInAsync(username, UnitsApp.Password);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            MaxFailures,
            JsonDocument.Parse(body).RootElement.GetProperty("failed_attempts_since_last_sign_in").GetInt32());

        // Told once: the next sign-in has nothing to report.
        var again = await app.TokenResponseAsync(PasswordForm(username, UnitsApp.Password));
        Assert.Equal(0, again.GetProperty("failed_attempts_since_last_sign_in").GetInt32());

        // The district office's audit lists the lock; another district's sees nothing of it and may not ask.
        var yz = await app.OfficeAsync();
        var audit = await app.Access().ListSignInLockoutsAsync(new ListSignInLockoutsRequest(), yz);
        var entry = Assert.Single(audit.Lockouts, l => l.Username == username);
        Assert.Equal("500103", entry.TenantId);
        Assert.Equal(MaxFailures, entry.FailedAttempts);
        Assert.True(entry.LockedUntil.ToDateTimeOffset() > entry.LockedAt.ToDateTimeOffset());

        var jb = UnitsApp.Bearer(await app.TokenAsync("jb.admin"));
        Assert.DoesNotContain(
            (await app.Access().ListSignInLockoutsAsync(new ListSignInLockoutsRequest(), jb)).Lockouts,
            l => l.Username == username);
        var foreign = await Assert.ThrowsAsync<RpcException>(() =>
            app.Access().ListSignInLockoutsAsync(
                new ListSignInLockoutsRequest { TenantId = "500103" },
                jb).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);

        using var rest = await app.Http.SendAsync(app.Request(
            HttpMethod.Get,
            "/api/v1/accounts/sign-in-lockouts",
            await app.TokenAsync("yz.admin")));
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Contains(username, await rest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownUsernameIsAnsweredLikeAWrongPasswordAndLikeALockedUsername()
    {
        // A host whose lock outlasts the test, however slow the machine.
        await using var host = app.WithSettings(("Identity:SignIn:LockoutDuration", "00:05:00"));
        using var http = host.CreateClient();
        var known = await app.NewLeaderAsync("guess.");
        var unknown = "nobody." + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i <= MaxFailures; i++)
        {
            var (knownStatus, knownBody) = await SignInAsync(http, known, "wrong-" + i);
            var (unknownStatus, unknownBody) = await SignInAsync(http, unknown, "wrong-" + i);
            Assert.Equal(knownStatus, unknownStatus);
            Assert.Equal(knownBody, unknownBody);
        }

        // Both are locked now; the known one's right password gets what any password of the unknown one gets.
        var lockedKnown = await SignInAsync(http, known, UnitsApp.Password);
        Assert.Equal(HttpStatusCode.BadRequest, lockedKnown.Status);
        Assert.Equal(await SignInAsync(http, unknown, UnitsApp.Password), lockedKnown);

        // And roughly in the same time: a password hash is checked for a name no account has too.
        var fresh = await app.NewLeaderAsync("guess.");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            // One wrong password each, then a sign-in that clears it, so no delay builds up on the known name.
            knownTimes.Add(await TimeAsync(() => SignInAsync(http, fresh, "wrong")));
            unknownTimes.Add(
                await TimeAsync(() => SignInAsync(http, "nobody." + Guid.NewGuid().ToString("N")[..8], "wrong")));
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, fresh, UnitsApp.Password)).Status);
        }

        var ratio = Median(unknownTimes) / Median(knownTimes);
        Assert.True(
            ratio is > 0.25 and < 4,
            $"an unknown name took {Median(unknownTimes):0} ms, a known one {Median(knownTimes):0} ms");
    }

    [Fact]
    public async Task TheUnitsPortLimitsTokenRequestsPerClientAddress()
    {
        const int limit = 3;
        await using var limited = app.WithSettings(
            ("Identity:TokenRateLimit:PermitLimit", limit.ToString()),
            ("Identity:TokenRateLimit:Window", "00:01:00"));
        async Task<HttpContext> PostAsync(string address) => await limited.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/connect/token";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body =
                new MemoryStream("grant_type=password&client_id=platform-cli&username=nobody&password=x"u8.ToArray());
        });

        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(StatusCodes.Status400BadRequest, (await PostAsync("198.51.100.7")).Response.StatusCode);
        }

        var refused = await PostAsync("198.51.100.7");
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString()) >= 1);
        Assert.Contains(
            "from this address",
            await new StreamReader(refused.Response.Body).ReadToEndAsync(),
            StringComparison.Ordinal);

        // Another address has a bucket of its own; a forged X-Forwarded-For buys nothing (no proxy is trusted here).
        Assert.Equal(StatusCodes.Status400BadRequest, (await PostAsync("198.51.100.8")).Response.StatusCode);
        var forged = await limited.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/connect/token";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.50";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream("grant_type=password"u8.ToArray());
        });
        Assert.Equal(StatusCodes.Status429TooManyRequests, forged.Response.StatusCode);
    }

    [Fact]
    public async Task TheDiscoveryDocumentNamesTheConfiguredAuthorityWhateverHostTheRequestClaims()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";
        using var response = await app.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        var discovery = JsonDocument.Parse(text).RootElement;
        Assert.Equal(UnitsApp.Authority + "/.well-known/jwks.json", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(UnitsApp.Authority + "/connect/token", discovery.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task AStolenSessionCannotGuessThePasswordThroughAPasswordChange()
    {
        // Whoever holds someone's access token may try current passwords at the change form; each wrong one counts
        // towards the same lock as a sign-in, the lock then refuses the right one there and at sign-in, and a right
        // one once the lock has passed clears the count.
        var username = await app.NewLeaderAsync("guess.");
        var person = UnitsApp.Bearer(await app.TokenAsync(username));
        var access = app.Access();
        for (var i = 0; i < MaxFailures; i++)
        {
            var wrong = await Assert.ThrowsAsync<RpcException>(() => access.ChangePasswordAsync(
                new ChangePasswordRequest { CurrentPassword = "guess-" + i, NewPassword = "chosen-by-thief" },
                person).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        }

        var locked = await Assert.ThrowsAsync<RpcException>(() => access.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = UnitsApp.Password, NewPassword = "chosen-by-thief" },
            person).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, locked.StatusCode);
        Assert.Contains("locked", locked.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(username, UnitsApp.Password)).Status);

        var yz = await app.OfficeAsync();
        Assert.Contains(
            (await access.ListSignInLockoutsAsync(new ListSignInLockoutsRequest(), yz)).Lockouts,
            l => l.Username == username);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await access.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = UnitsApp.Password, NewPassword = "own-new-secret" },
            person);
        var (status, body) = await SignInAsync(username, "own-new-secret");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            0,
            JsonDocument.Parse(body).RootElement.GetProperty("failed_attempts_since_last_sign_in").GetInt32());
    }

    private static Dictionary<string, string> PasswordForm(string username, string password) =>
        new()
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "platform-cli",
        };

    private Task<(HttpStatusCode Status, string Body)> SignInAsync(string username, string password) =>
        SignInAsync(app.Http, username, password);

    private static async Task<(HttpStatusCode Status, string Body)> SignInAsync(
        HttpClient http,
        string username,
        string password)
    {
        using var response =
            await http.PostAsync("/connect/token", new FormUrlEncodedContent(PasswordForm(username, password)));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await call();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
