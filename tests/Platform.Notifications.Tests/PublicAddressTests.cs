using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Platform.Notifications.Channels;

namespace Platform.Notifications.Tests;

/// <summary>
/// Which addresses a webhook may reach (every special-purpose range at its edges, IPv4 inside IPv6 judged as IPv4), and
/// the registration rule over every spelling of a local address: decimal, octal, hex, short forms, brackets, trailing
/// dots, localhost names, and names whose DNS answer is private; the allow-list matches host and port exactly.
/// </summary>
public sealed class PublicAddressTests
{
    public static TheoryData<string, string> NotPublic => new()
    {
        { "0.0.0.0", "unspecified" },
        { "0.255.255.255", "this network" },
        { "10.0.0.0", "private 10/8" },
        { "10.255.255.255", "private 10/8" },
        { "100.64.0.0", "CGNAT 100.64/10" },
        { "100.127.255.255", "CGNAT 100.64/10" },
        { "127.0.0.1", "loopback" },
        { "127.255.255.254", "loopback" },
        { "169.254.0.1", "link-local" },
        { "169.254.169.254", "cloud metadata (link-local)" },
        { "172.16.0.0", "private 172.16/12" },
        { "172.31.255.255", "private 172.16/12" },
        { "192.0.0.0", "IETF protocol assignments 192.0.0/24" },
        { "192.0.0.255", "IETF protocol assignments 192.0.0/24" },
        { "192.0.2.1", "documentation TEST-NET-1" },
        { "192.88.99.1", "6to4 relay anycast" },
        { "192.168.0.0", "private 192.168/16" },
        { "192.168.255.255", "private 192.168/16" },
        { "198.18.0.0", "benchmarking 198.18/15" },
        { "198.19.255.255", "benchmarking 198.18/15" },
        { "198.51.100.1", "documentation TEST-NET-2" },
        { "203.0.113.1", "documentation TEST-NET-3" },
        { "224.0.0.1", "multicast" },
        { "239.255.255.250", "multicast" },
        { "240.0.0.1", "reserved 240/4" },
        { "255.255.255.255", "broadcast" },
        { "::", "IPv6 unspecified" },
        { "::1", "IPv6 loopback" },
        { "::ffff:127.0.0.1", "IPv4-mapped loopback" },
        { "::ffff:10.0.0.1", "IPv4-mapped private" },
        { "::ffff:169.254.169.254", "IPv4-mapped metadata" },
        { "::ffff:0.0.0.0", "IPv4-mapped unspecified" },
        { "::127.0.0.1", "IPv4-compatible loopback" },
        { "::192.168.1.1", "IPv4-compatible private" },
        { "64:ff9b::7f00:1", "NAT64 of loopback" },
        { "64:ff9b::a9fe:a9fe", "NAT64 of metadata" },
        { "64:ff9b:1::1", "local-use NAT64" },
        { "2002:7f00:1::1", "6to4 of loopback" },
        { "2002:a00:1::", "6to4 of 10.0.0.1" },
        { "2002:c0a8:101::1", "6to4 of 192.168.1.1" },
        { "fc00::1", "unique local fc00::/7" },
        { "fdff:ffff::1", "unique local fc00::/7" },
        { "fe80::1", "link-local fe80::/10" },
        { "febf:ffff::1", "link-local fe80::/10" },
        { "fec0::1", "site-local fec0::/10" },
        { "feff::1", "site-local fec0::/10" },
        { "ff02::1", "multicast" },
        { "ff05::1:3", "multicast" },
        { "100::1", "discard-only 100::/64" },
        { "2001::1", "Teredo 2001::/32" },
        { "2001:2::1", "benchmarking 2001:2::/48" },
        { "2001:1ff::1", "IETF protocol assignments 2001::/23" },
        { "2001:db8::1", "documentation 2001:db8::/32" },
        { "3fff::1", "documentation 3fff::/20" },
        { "5f00::1", "segment routing 5f00::/16" },
        { "4000::1", "not allocated (outside 2000::/3)" },
        { "1::1", "not allocated (outside 2000::/3)" },
    };

    public static TheoryData<string> Public => new()
    {
        "1.1.1.1",
        "8.8.8.8",
        "11.0.0.1",
        "93.184.215.14",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.1",
        "169.253.255.255",
        "169.255.0.1",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.1.1",
        "192.0.3.1",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255", "198.20.0.0", "198.51.99.1", "203.0.112.1", "223.255.255.254",
        "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1", "2001:200::1", "2400:cb00::1",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
    };

    /// <summary>
    /// Every way of writing a local or private target that a URL parser accepts; none may be registered.
    /// </summary>
    public static TheoryData<string> RefusedUrls => new()
    {
        "https://127.0.0.1/",
        "https://2130706433/",
        "https://2130706433:5101/",
        "https://0177.0.0.1/",
        "https://0177.0.0.01/",
        "https://0x7f.1/",
        "https://0x7F.0.0.1/",
        "https://0x7f000001/",
        "https://017700000001/",
        "https://127.1/",
        "https://127.0.1/",
        "https://127.000.000.001/",
        "https://127.0.0.1./",
        "https://0/",
        "https://0.0.0.0:5101/",
        "https://10.1/",
        "https://192.168.1/",
        "https://3232235777/",
        "https://0xa9fea9fe/",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/",
        "https://[::1]:5101/",
        "https://[0:0:0:0:0:0:0:1]/", "https://[::]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/",
        "https://[0:0:0:0:0:ffff:a9fe:a9fe]/",
        "https://[::127.0.0.1]/",
        "https://[64:ff9b::a9fe:a9fe]/",
        "https://[2002:7f00:1::]/",
        "https://[fe80::1%25eth0]/",
        "https://[FD00::1]/",
        "https://[fec0::1]/",
        "https://[ff02::1]/",
        "https://localhost/",
        "https://localhost./",
        "https://LocalHost/",
        "https://localhost:5101/",
        "https://a.b.localhost/",
        "https://\u2460\u2461\u2466.0.0.1/",
        "https://private.example.test/", "https://metadata.example.test/", "https://half-private.example.test/",
        "https://mapped.example.test/", "https://nothing.example.test/", "https://unresolvable.example.test/",
        "http://93.184.215.14/", "http://public.example.test/", "http://127.0.0.1:5999/", "ftp://public.example.test/",
    };

    [Theory]
    [MemberData(nameof(NotPublic))]
    public void AnAddressOutsideThePublicInternetIsNotPublic(string address, string range) =>
        Assert.False(PublicAddress.IsPublic(IPAddress.Parse(address)), $"{address} ({range}) was judged public.");

    [Theory]
    [MemberData(nameof(Public))]
    public void AGlobalAddressIsPublic(string address) =>
        Assert.True(PublicAddress.IsPublic(IPAddress.Parse(address)), $"{address} was judged not public.");

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public async Task NoSpellingOfALocalOrPrivateTargetIsAccepted(string url)
    {
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri), $"{url} is not even a URL.");
        Assert.False(
            await Targets("127.0.0.1:5998").AcceptsAsync(uri, CancellationToken.None),
            $"{url} ({uri.IdnHost}) was accepted.");
    }

    [Theory]
    [InlineData("https://public.example.test/hook")]
    [InlineData("https://public.example.test:8443/hook")]
    [InlineData("https://93.184.215.14/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("https://public.example.test./hook")]
    public async Task AnHttpsUrlWhoseEveryAddressIsPublicIsAccepted(string url) =>
        Assert.True(await Targets().AcceptsAsync(new Uri(url), CancellationToken.None), $"{url} was refused.");

    [Theory]
    [InlineData("http://127.0.0.1:5999/hook", true)]
    [InlineData("https://127.0.0.1:5999/hook", true)]
    [InlineData("http://2130706433:5999/hook", true)] // the same endpoint, however the URL spells it
    [InlineData("http://[::1]:6000/hook", true)]
    [InlineData("http://receiver.internal:7000/hook", true)]
    [InlineData("http://RECEIVER.internal.:7000/hook", true)]
    [InlineData("http://127.0.0.1:5998/hook", false)]
    [InlineData("http://127.0.0.1/hook", false)]
    [InlineData("http://127.0.0.2:5999/hook", false)]
    [InlineData("http://localhost:5999/hook", false)]
    [InlineData("http://[::1]:5999/hook", false)]
    [InlineData("http://other.internal:7000/hook", false)]
    [InlineData("http://receiver.internal:7001/hook", false)]
    public async Task TheAllowListMatchesHostAndPortExactly(string url, bool accepted) =>
        Assert.Equal(accepted, await Targets("127.0.0.1:5999", "[::1]:6000", "receiver.internal:7000").AcceptsAsync(
            new Uri(url),
            CancellationToken.None));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("*.example.test:443")]
    [InlineData("::1:80")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:http")]
    [InlineData("http://127.0.0.1:5999")]
    public void AnAllowListEntryThatIsNotHostAndPortStopsTheService(string entry) =>
        Assert.Throws<InvalidOperationException>(() => Targets(entry));

    private static WebhookTargets Targets(params string[] allowed)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(allowed.Select((
                t,
                i) => new KeyValuePair<string, string?>($"{WebhookTargets.AllowedTargetsKey}:{i}", t)))
            .Build();
        return new WebhookTargets(new TableResolver(), configuration);
    }

    /// <summary>
    /// A resolver with a fixed table; an IP literal or an unknown name never reaches it, or fails as DNS would.
    /// </summary>
    private sealed class TableResolver : IHostResolver
    {
        private static readonly Dictionary<string, string[]> Table = new(StringComparer.OrdinalIgnoreCase)
        {
            ["public.example.test"] = ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
            ["public.example.test."] = ["93.184.215.14"],
            ["receiver.internal"] = ["10.20.30.40"],
            ["RECEIVER.internal."] = ["10.20.30.40"],
            ["private.example.test"] = ["10.0.0.7"],
            ["metadata.example.test"] = ["169.254.169.254"],
            ["half-private.example.test"] = ["93.184.215.14", "127.0.0.1"],
            ["mapped.example.test"] = ["::ffff:192.168.0.1"],
            ["nothing.example.test"] = [],
        };

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Assert.False(IPAddress.TryParse(host, out _), $"The resolver was asked for the IP literal {host}.");
            return Table.TryGetValue(host, out var addresses)
                ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }
}
