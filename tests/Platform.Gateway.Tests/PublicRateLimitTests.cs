using System.Net;

namespace Platform.Gateway.Tests;

/// <summary>
/// The public pages' per-address bucket: a burst past it is 429 with Retry-After, and a token buys no more.
/// </summary>
public sealed class PublicRateLimitTests(ThrottledPublicGatewayApp app) : IClassFixture<ThrottledPublicGatewayApp>
{
    [Fact]
    public async Task AnAddressHammeringThePublicPagesGets429WithRetryAfterTokenOrNot()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < app.PublicBurst * 3; i++)
        {
            // Half of them signed in: a token names a tenant, but the public routes count by address all the same.
            var path = i % 2 == 0 ? "/public/v1/500103" : "/public/500103";
            var token = i % 3 == 0 ? app.Token() : null;
            var response = await app.Http.SendAsync(app.Request(HttpMethod.Get, path, token));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && refused is null)
            {
                refused = response;
                continue;
            }

            response.Dispose();
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The burst was served, and everything past it (and a second's refill) refused.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), app.PublicBurst, app.PublicBurst + 3);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Fact]
    public async Task TheOfficesApiKeepsItsOwnBucketWhileThePublicOneIsEmpty()
    {
        for (var i = 0; i < app.PublicBurst * 2; i++)
        {
            using var _ = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/public/v1/500103"));
        }

        using var api = await app.Http.SendAsync(app.Request(HttpMethod.Get, "/api/v1/publicpage", app.Token()));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}
