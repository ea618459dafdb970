using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Testing;

namespace Platform.Units.Tests;

[Collection(UnitsCollection.Name)]
public sealed class TokenEndpointTests(UnitsApp app)
{
    [Fact]
    public async Task PasswordGrantIssuesASignedTokenWithTenantUnitRolesAndScopes()
    {
        var response = await app.TokenResponseAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = "yz.scj",
            ["password"] = UnitsApp.Password,
            ["client_id"] = "platform-cli",
        });
        Assert.Equal("Bearer", response.GetProperty("token_type").GetString());
        Assert.True(response.GetProperty("expires_in").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(response.GetProperty("refresh_token").GetString()));

        var token = new JsonWebToken(response.GetProperty("access_token").GetString());
        Assert.Equal("500103", token.GetClaim("tenant").Value);
        Assert.Equal(app.ScjUnitId, token.GetClaim("unit").Value);
        Assert.Equal("unit-reporter", token.GetClaim("role").Value);
        Assert.Contains("units.read", token.GetClaim("scope").Value.Split(' '));
        Assert.DoesNotContain("units.write", token.GetClaim("scope").Value.Split(' '));

        // The JWKS publishes the key that signed it.
        var jwks = new JsonWebKeySet(await app.Http.GetStringAsync("/.well-known/jwks.json"));
        var result =
            await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidIssuer = "duban", ValidAudience = "duban", IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task WrongPasswordIsAnInvalidGrantThatDoesNotSayWhichPartWasWrong()
    {
        var (status, body) = await PostAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = "yz.admin",
            ["password"] = "nope",
            ["client_id"] = "platform-cli",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        var (_, unknown) = await PostAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = "nobody",
            ["password"] = "nope",
            ["client_id"] = "platform-cli",
        });
        Assert.Equal(
            body.GetProperty("error_description").GetString(),
            unknown.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task UnknownGrantTypeIsUnsupported()
    {
        var (status, body) = await PostAsync(new() { ["grant_type"] = "implicit", ["client_id"] = "platform-cli" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PasswordGrantIsOnlyForThePlatformsOwnClients()
    {
        var (status, body) = await PostAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = "yz.admin",
            ["password"] = UnitsApp.Password,
            ["client_id"] = "yz.integration",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task JsonBodyIsRefusedAsAnInvalidRequest()
    {
        using var response = await app.Http.PostAsJsonAsync("/connect/token", new { grant_type = "password" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "invalid_request",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ClientCredentialsIssueATokenWithTheClientsScopesAndTenant()
    {
        var response = await app.TokenResponseAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "yz.integration",
            ["client_secret"] = "integration-secret",
        });
        var token = new JsonWebToken(response.GetProperty("access_token").GetString());
        Assert.Equal("500103", token.GetClaim("tenant").Value);
        Assert.Equal("units.read", token.GetClaim("scope").Value);
        Assert.False(response.TryGetProperty("refresh_token", out _));

        var (status, body) = await PostAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "yz.integration",
            ["client_secret"] = "wrong-secret",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());

        var (scopeStatus, scopeBody) = await PostAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "yz.integration",
            ["client_secret"] = "integration-secret",
            ["scope"] = "units.write",
        });
        Assert.Equal(HttpStatusCode.BadRequest, scopeStatus);
        Assert.Equal("invalid_scope", scopeBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefreshTokenRotatesAndAReusedOneEndsEverySession()
    {
        var first = await app.TokenResponseAsync(new()
        {
            ["grant_type"] = "password",
            ["username"] = "yz.admin",
            ["password"] = UnitsApp.Password,
            ["client_id"] = "platform-cli",
        });
        var refresh = first.GetProperty("refresh_token").GetString()!;
        var second = await app.TokenResponseAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = "platform-cli",
        });
        var rotated = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refresh, rotated);
        Assert.Equal(
            "500103",
            new JsonWebToken(second.GetProperty("access_token").GetString()).GetClaim("tenant").Value);

        var (status, body) = await PostAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = "platform-cli",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        // The reuse revoked the rotated token too.
        var (afterReuse, _) = await PostAsync(new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = rotated,
            ["client_id"] = "platform-cli",
        });
        Assert.Equal(HttpStatusCode.BadRequest, afterReuse);
    }

    [Fact]
    public async Task ExpiredTamperedAndForeignTokensAreUnauthenticated()
    {
        var valid = await app.TokenAsync("yz.admin");
        using (var ok = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/v1/units", valid)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var parts = valid.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var forged = new Dictionary<string, object>(payload.ToDictionary(p => p.Key, p => (object)p.Value))
        {
            ["tenant"] = "500105",
        };
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(forged))}.{parts[2]}";

        using var foreignKey = new TestTokens();
        var foreign = foreignKey.Issue("500103", ["district-admin"], ["units.read", "units.write"]);
        var expired =
            app.Tokens.Issue("500103", ["district-admin"], ["units.read"], lifetime: TimeSpan.FromMinutes(-10));
        using (var control = await app.Http.SendAsync(app.Request(
            HttpMethod.Get,
            "/api/v1/units",
            app.Tokens.Issue("500103", ["district-admin"], ["units.read"]))))
        {
            Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        }

        foreach (var token in new[] { tampered, foreign, expired, "not-a-jwt" })
        {
            using var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/v1/units", token));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Dictionary<string, string> form)
    {
        using var response = await app.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
