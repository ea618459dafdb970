using System.Net;

namespace Platform.Notifications.Channels;

/// <summary>
/// Resolves a host name to its addresses. A service of its own so that the webhook rules can be tested against a DNS
/// server that changes its answer between registration and delivery (rebinding).
/// </summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
