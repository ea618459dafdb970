using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Platform.Notifications.Channels;

/// <summary>
/// Is an address somewhere on the public internet? A webhook is a URL a district office types in, and the service
/// POSTs to it from inside the platform's network: without this rule it would reach the cloud metadata endpoint, the
/// database, the broker, or anything else only the platform can see. Everything not globally routable is refused:
/// loopback, private and shared (CGNAT) space, link-local, multicast and broadcast, "this network", the documentation,
/// benchmarking and reserved blocks, and in IPv6 everything outside global unicast 2000::/3 plus its special blocks.
/// An IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address inside,
/// so ::ffff:127.0.0.1 is loopback like 127.0.0.1.
/// </summary>
/// <remarks>
/// Spellings are not this class's business: it judges parsed addresses. <see cref="Uri"/> and
/// <see cref="IPAddress.TryParse(string, out IPAddress)"/> already read 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 as
/// 127.0.0.1, and at connect time the addresses judged are the resolver's answers, whatever the URL said.
/// </remarks>
public static class PublicAddress
{
    /// <summary>
    /// IPv4 blocks that are not globally reachable (IANA special-purpose registry and RFC 1918/6598).
    /// </summary>
    private static readonly (uint Network, int Prefix)[] NonPublicV4 =
    [
        (V4(0, 0, 0, 0), 8), // "this network", including the unspecified 0.0.0.0
        (V4(10, 0, 0, 0), 8), // private
        (V4(100, 64, 0, 0), 10), // shared address space (carrier-grade NAT)
        (V4(127, 0, 0, 0), 8), // loopback
        (V4(169, 254, 0, 0), 16), // link-local, where cloud metadata endpoints live
        (V4(172, 16, 0, 0), 12), // private
        (V4(192, 0, 0, 0), 24), // IETF protocol assignments
        (V4(192, 0, 2, 0), 24), // documentation (TEST-NET-1)
        (V4(192, 88, 99, 0), 24), // 6to4 relay anycast (deprecated)
        (V4(192, 168, 0, 0), 16), // private
        (V4(198, 18, 0, 0), 15), // benchmarking
        (V4(198, 51, 100, 0), 24), // documentation (TEST-NET-2)
        (V4(203, 0, 113, 0), 24), // documentation (TEST-NET-3)
        (V4(224, 0, 0, 0), 4), // multicast
        (V4(240, 0, 0, 0), 4), // reserved, including the broadcast 255.255.255.255
    ];

    /// <summary>True only for an address a webhook may be sent to.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
            AddressFamily.InterNetworkV6 => IsPublicV6(address.GetAddressBytes()),
            _ => false,
        };
    }

    private static bool IsPublicV4(uint address)
    {
        foreach (var (network, prefix) in NonPublicV4)
        {
            if (InPrefix(address, network, prefix))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPublicV6(byte[] bytes)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8));
        var lastV4 = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(12));

        // ::/96 holds the unspecified ::, the loopback ::1 and the deprecated IPv4-compatible ::a.b.c.d; ::ffff:0:0/96
        // the IPv4-mapped addresses. Judge the IPv4 address inside (0.0.0.0/8 covers :: and ::1 as well).
        if (high == 0 && (low >> 32) is 0 or 0xffff)
        {
            return IsPublicV4(lastV4);
        }

        // NAT64 well-known prefix 64:ff9b::/96 carries an IPv4 address in its last 32 bits.
        if (high == 0x0064_ff9b_0000_0000 && (low >> 32) == 0)
        {
            return IsPublicV4(lastV4);
        }

        // 6to4 2002::/16 carries an IPv4 address in bits 16 to 47.
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsPublicV4(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)));
        }

        // Only global unicast (2000::/3) is on the internet: this leaves out ULA fc00::/7, link-local fe80::/10,
        // site-local fec0::/10, multicast ff00::/8, discard-only 100::/64, local-use NAT64 64:ff9b:1::/48, segment
        // routing 5f00::/16 and everything not yet allocated.
        if ((bytes[0] & 0xe0) != 0x20)
        {
            return false;
        }

        var first16 = (ushort)(high >> 48);
        var second16 = (ushort)(high >> 32);
        return !(
            // 2001::/23 IETF protocol assignments (Teredo, benchmarking, ORCHID)
            (first16 == 0x2001 && second16 < 0x0200)
            || (first16 == 0x2001 && second16 == 0x0db8) // 2001:db8::/32 documentation
            || (first16 == 0x3fff && (second16 & 0xf000) == 0)); // 3fff::/20 documentation
    }

    private static bool InPrefix(uint address, uint network, int prefix) =>
        prefix == 0 || (address ^ network) >> (32 - prefix) == 0;

    private static uint V4(byte a, byte b, byte c, byte d) => (uint)(a << 24 | b << 16 | c << 8 | d);
}
