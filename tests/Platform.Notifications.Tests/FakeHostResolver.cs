using System.Collections.Concurrent;
using System.Net;
using Platform.Notifications.Channels;

namespace Platform.Notifications.Tests;

/// <summary>
/// The notification service's resolver in the tests: a name a test has answered resolves to that answer (which the test
/// may change, as a rebinding DNS server would), any other name through the system's DNS. It counts the questions.
/// </summary>
public sealed class FakeHostResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Asked { get; } = new();

    public void Answer(string host, params IPAddress[] addresses) => answers[host] = addresses;

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Asked.Enqueue(host);
        return answers.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
