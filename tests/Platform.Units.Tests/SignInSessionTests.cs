using System.Net;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// A person's own sign-in history and sessions: every password attempt on their account with its program and
/// outcome, each sign-in a session kept by its refreshes, and ending one: its refresh token refused at once (without
/// taking the person's other sessions with it, as a leaked token would), its access tokens refused once the
/// revocation list has it.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class SignInSessionTests(UnitsApp app)
{
    private const string Chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";
    private const string Cli = "platform-cli/1.0";

    [Fact]
    public async Task APersonSeesEachSignInAttemptAndEndsASessionThatIsNotTheirsWhileTheirOwnGoesOn()
    {
        var username = await app.NewLeaderAsync("session.");
        var (refusedStatus, _) = await SignInAsync(username, "not-the-password", Firefox);
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        var laptop = await SignedInAsync(username, Chrome);
        var phone = await SignedInAsync(username, Cli);
        // A refresh keeps the session: a new token, the same session id.
        var (refreshStatus, refreshed) = await app.RefreshAsync(phone.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshStatus);

        var me = UnitsApp.Bearer(Access(laptop));
        var sessions = (await app.Access().ListMySessionsAsync(new ListMySessionsRequest(), me)).Sessions;
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.Current);
        Assert.Equal(Chrome, current.UserAgent);
        var other = Assert.Single(sessions, s => !s.Current);
        Assert.Equal(Cli, other.UserAgent);
        Assert.True(other.StartedAt.ToDateTimeOffset() <= other.LastActiveAt.ToDateTimeOffset());
        Assert.True(other.ExpiresAt.ToDateTimeOffset() > DateTimeOffset.UtcNow);

        var history = (await app.Access().ListMySignInsAsync(new ListMySignInsRequest(), me)).SignIns;
        Assert.Equal(
            [("succeeded", Cli), ("succeeded", Chrome), ("refused", Firefox)],
            history.Select(e => (e.Outcome, e.UserAgent)));

        // Nobody else sees them or can end them: another person's session is not found.
        var stranger = await app.OfficeAsync();
        Assert.DoesNotContain(
            (await app.Access().ListMySessionsAsync(new ListMySessionsRequest(), stranger)).Sessions,
            s => s.Id == other.Id);
        var foreign = await Assert.ThrowsAsync<RpcException>(() =>
            app.Access().EndMySessionsAsync(new EndMySessionsRequest { SessionId = other.Id }, stranger).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);

        // Ended from the laptop: the phone's refresh token is refused, then its access token; the laptop goes on.
        Assert.Equal(
            1,
            (await app.Access().EndMySessionsAsync(new EndMySessionsRequest { SessionId = other.Id }, me)).Ended);
        var (endedStatus, endedBody) = await app.RefreshAsync(refreshed.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, endedStatus);
        Assert.Contains(
            "ended by its owner",
            endedBody.GetProperty("error_description").GetString(),
            StringComparison.Ordinal);
        await UnitsApp.EventuallyAsync(
            async () => await app.StatusAsync(Access(refreshed)) == HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, await app.StatusAsync(Access(laptop)));
        var (laptopRefresh, laptopNext) = await app.RefreshAsync(laptop.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, laptopRefresh);
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            app.Access().EndMySessionsAsync(new EndMySessionsRequest { SessionId = other.Id }, me).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);

        // From a new sign-in, every other session ends at once: the laptop's.
        var desk = await SignedInAsync(username, Firefox);
        var fromDesk = UnitsApp.Bearer(Access(desk));
        Assert.Equal(
            1,
            (await app.Access().EndMySessionsAsync(new EndMySessionsRequest { AllOthers = true }, fromDesk)).Ended);
        await UnitsApp.EventuallyAsync(
            async () => await app.StatusAsync(Access(laptopNext)) == HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, await app.StatusAsync(Access(desk)));
        Assert.True(Assert.Single(
            (await app.Access().ListMySessionsAsync(new ListMySessionsRequest(), fromDesk)).Sessions).Current);
    }

    [Fact]
    public async Task TheHistoryNamesADisabledAccountsAttemptsKeepsNoControlCharactersAndTheRestApiServesIt()
    {
        var username = await app.NewLeaderAsync("session.");
        // A guesser's program name is theirs to choose: its escape sequences must not reach the owner's terminal.
        var (guessed, _) = await SignInAsync(username, "not-the-password", "curl/8.0\u001b[2J\u001b]0;owned\u0007");
        Assert.Equal(HttpStatusCode.BadRequest, guessed);
        var admin = UnitsApp.Bearer(await app.TokenAsync("platform.admin", UnitsApp.AdminPassword));
        await app.TokenAsync(username);
        var id = (await app.Access().ListAccountsAsync(new ListAccountsRequest { TenantId = "500103" }, admin)).Accounts
            .Single(a => a.Username == username).Id;
        await app.Access().DisableAccountAsync(new AccountActionRequest { Id = id }, admin);
        var (status, _) = await SignInAsync(username, UnitsApp.Password, Firefox);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        await app.Access().EnableAccountAsync(new AccountActionRequest { Id = id }, admin);

        var fresh = await app.TokenAsync(username);
        using var rest = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/v1/accounts/me/sign-ins", fresh));
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var outcomes = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement
            .GetProperty("signIns")
            .EnumerateArray()
            .Select(e => e.GetProperty("outcome").GetString())
            .ToList();
        Assert.Equal(["succeeded", "disabled", "succeeded", "refused"], outcomes);
        var agents = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement
            .GetProperty("signIns")
            .EnumerateArray()
            .Select(e => e.TryGetProperty("userAgent", out var agent) ? agent.GetString() : null)
            .ToList();
        Assert.Equal("curl/8.0[2J]0;owned", agents[^1]);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SignInAsync(
        string username,
        string password,
        string agent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["username"] = username,
                ["password"] = password,
                ["client_id"] = "platform-cli",
            }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", agent);
        using var response = await app.Http.SendAsync(request);
        return (
            response.StatusCode,
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<JsonElement> SignedInAsync(string username, string agent)
    {
        var (status, body) = await SignInAsync(username, UnitsApp.Password, agent);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static string Access(JsonElement tokens) => tokens.GetProperty("access_token").GetString()!;
}
