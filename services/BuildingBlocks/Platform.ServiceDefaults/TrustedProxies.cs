using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults;

/// <summary>
/// X-Forwarded-For, -Proto and -Host, believed only from the proxies in front of a host: then the request's scheme,
/// host and client address are the browser's, and redirects and absolute links point where the browser can follow them
/// rather than at an internal address. From anyone else the headers are ignored, so a client cannot choose the host a
/// redirect names.
/// </summary>
public static class TrustedProxies
{
    /// <summary>
    /// Uses the forwarded headers from the addresses and networks listed in configuration <paramref name="key"/>
    /// (comma-separated; "10.0.0.5", "10.244.0.0/16", "::1"), or <paramref name="fallback"/> when the key is absent.
    /// An empty list trusts nobody.
    /// </summary>
    public static WebApplication UseForwardedHeadersFrom(this WebApplication app, string key, string fallback) =>
        app.UseForwardedHeadersFrom(
            key,
            fallback,
            ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

    /// <summary>
    /// As above, believing only <paramref name="headers"/>: a host that needs the client's address from a proxy (for
    /// a per-address limit) but never builds a link takes X-Forwarded-For alone.
    /// </summary>
    public static WebApplication UseForwardedHeadersFrom(
        this WebApplication app, string key, string fallback, ForwardedHeaders headers)
    {
        var networks = Parse(app.Configuration[key] ?? fallback, key);
        if (networks.Count == 0)
        {
            // Without known proxies the middleware would believe every caller: leave it out instead.
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = headers,
        };

        // The defaults (loopback) are replaced, not extended: only what configuration names is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        app.UseForwardedHeaders(options);
        return app;
    }

    public static IReadOnlyList<System.Net.IPNetwork> Parse(string value, string key) =>
        [
            .. value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(entry =>
            System.Net.IPNetwork.TryParse(entry, out var network) ? network
            : IPAddress.TryParse(entry, out var address)
                ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException($"{key}: '{entry}' is neither an address nor a network (CIDR)."))];
}
