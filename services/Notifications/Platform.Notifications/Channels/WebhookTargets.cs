using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Platform.Notifications.Channels;

/// <summary>
/// Where webhooks may go: an https URL whose host resolves only to public addresses, or one of the exact
/// host:port targets of Notifications:Webhooks:AllowedTargets (the local stack's and the tests' own receivers,
/// which may also be plain http). The rule is applied twice: when an office registers a URL, and again on every
/// connection, where <see cref="ConnectAsync"/> resolves the host itself, judges every address and connects to
/// the address it judged, so that a name answering a public address at registration and a private one later (DNS
/// rebinding) is still refused.
/// </summary>
public sealed class WebhookTargets
{
    public const string AllowedTargetsKey = "Notifications:Webhooks:AllowedTargets";

    private readonly IHostResolver resolver;
    private readonly HashSet<(string Host, int Port)> allowed;

    public WebhookTargets(IHostResolver resolver, IConfiguration configuration)
    {
        this.resolver = resolver;
        allowed = (configuration.GetSection(AllowedTargetsKey).Get<string[]>() ?? [])
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(ParseTarget)
            .ToHashSet();
    }

    /// <summary>
    /// Is this exact host and port on the allow-list? No wildcards: the host as written, the port as meant.
    /// </summary>
    public bool IsAllowListed(string host, int port) => allowed.Contains((Canonical(host), port));

    /// <summary>
    /// The scheme rule, checked again before each send: https, or http to an allow-listed target. A URL stored under an
    /// older, looser rule is refused rather than trusted.
    /// </summary>
    public bool IsAllowedScheme(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsAllowListed(url.IdnHost, url.Port));

    /// <summary>
    /// Registration: may a webhook point here? The URL's scheme, then its host: an allow-listed target, or a host whose
    /// every address is public. A name that does not resolve is refused as well: there is nothing to judge.
    /// </summary>
    public async Task<bool> AcceptsAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!IsAllowedScheme(url))
        {
            return false;
        }

        if (IsAllowListed(url.IdnHost, url.Port))
        {
            return true;
        }

        try
        {
            await PublicAddressesAsync(url.IdnHost, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NotPublicAddressException or SocketException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, refuses the connection
    /// unless every address is public (or the host:port is allow-listed), and connects to one of the addresses judged,
    /// never to a second lookup's answer.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IsAllowListed(host, port)
            ? await ResolveAsync(host, cancellationToken)
            : await PublicAddressesAsync(host, cancellationToken);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The host's addresses, all of them public; else <see cref="NotPublicAddressException"/>.</summary>
    private async Task<IPAddress[]> PublicAddressesAsync(string host, CancellationToken cancellationToken)
    {
        // localhost and *.localhost are loopback by definition (RFC 6761), whatever a resolver says.
        var name = Canonical(host);
        if (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal))
        {
            throw new NotPublicAddressException(host);
        }

        var addresses = await ResolveAsync(host, cancellationToken);
        return addresses.Length > 0 && addresses.All(PublicAddress.IsPublic)
            ? addresses
            : throw new NotPublicAddressException(host);
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(Canonical(host), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host.TrimStart('[').TrimEnd(']'), cancellationToken);

    /// <summary>
    /// One spelling per host for comparisons: lower case, no IPv6 brackets or zone, no trailing dot, an IP address in
    /// its canonical form (so 127.1 and 0x7f.0.0.1 are both 127.0.0.1).
    /// </summary>
    private static string Canonical(string host)
    {
        var name = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
        if (name.IndexOf('%', StringComparison.Ordinal) is > 0 and var zone
            && name.Contains(':', StringComparison.Ordinal))
        {
            name = name[..zone];
        }

        return IPAddress.TryParse(name, out var address) ? address.ToString() : name;
    }

    private static (string Host, int Port) ParseTarget(string entry)
    {
        var text = entry.Trim();
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : string.Empty;
        if (colon <= 0 ||
            !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ||
            port is < 1 or > 65535 ||
            host.Contains('*', StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal) ||
            (host.Contains(':', StringComparison.Ordinal) && !(host.StartsWith('[') && host.EndsWith(']'))))
        {
            throw new InvalidOperationException(
                $"{AllowedTargetsKey}: '{entry}' is not host:port (an IPv6 host in brackets, no wildcards).");
        }

        return (Canonical(host), port);
    }
}
