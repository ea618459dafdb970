using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Platform.MultiTenancy;

namespace Platform.Hosts.Tests;

/// <summary>
/// The signed message names each value unambiguously, and the key is required and never guessable from its use.
/// </summary>
public sealed class TenantContextKeyTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void ValuesThatConcatenateAlikeAreDifferentMessagesAndSignatures()
    {
        var key = new TenantContextKey(Key);
        Assert.NotEqual(
            TenantContextKey.Canonical(42, "1|2", "", "off", "off"),
            TenantContextKey.Canonical(42, "1", "2|", "off", "off"));
        Assert.NotEqual(key.Sign(42, "1|2", "", "off", "off"), key.Sign(42, "1", "2|", "off", "off"));
        Assert.NotEqual(key.Sign(42, "1;", "2", "off", "off"), key.Sign(42, "1", ";2", "off", "off"));
        Assert.NotEqual(key.Sign(4, "21", "", "off", "off"), key.Sign(42, "1", "", "off", "off"));
    }

    /// <summary>Every way of spreading a few awkward fragments over the fields gives a message of its own.</summary>
    [Fact]
    public void NoTwoDifferentContextsShareAMessage()
    {
        string[] fragments = ["", "1", "2", ":", ";", "1:", "2;", "1;2:", "3:a;", "渝", "on", "off"];
        var seen = new Dictionary<string, (string, string, string, string)>(StringComparer.Ordinal);
        foreach (var tenant in fragments)
        {
            foreach (var prefix in fragments)
            {
                foreach (var readOnly in fragments)
                {
                    foreach (var system in new[] { "on", "off", "", "on;" })
                    {
                        var message = TenantContextKey.Canonical(7, tenant, prefix, readOnly, system);
                        Assert.True(
                            seen.TryAdd(message, (tenant, prefix, readOnly, system)),
                            $"{message} stands for {seen.GetValueOrDefault(message)} and ({tenant}, {prefix}, " +
                            $"{readOnly}, {system})");
                    }
                }
            }
        }
    }

    [Fact]
    public void TheMessageCountsUtf8BytesAsPostgresOctetLengthDoes()
    {
        Assert.Equal(
            "23:duban.tenant-context.v1;3:123;6:渝中;0:;2:on;3:off;",
            TenantContextKey.Canonical(123, "渝中", "", "on", "off"));
    }

    [Fact]
    public void TheSignatureIsHmacSha256OfTheMessageInLowerCaseHex()
    {
        var message = TenantContextKey.Canonical(99, "500103", "", "off", "off");
        var expected = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(message)));
        Assert.Equal(expected, new TenantContextKey(Key).Sign(99, "500103", "", "off", "off"));
        Assert.NotEqual(expected, new TenantContextKey(Key + "x").Sign(99, "500103", "", "off", "off"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    public void AHostWithoutAProperKeyDoesNotStart(string? configured)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TenantContextKey.ConfigurationKey] = configured })
            .Build();
        var error = Assert.Throws<InvalidOperationException>(() => TenantContextKey.FromConfiguration(configuration));
        Assert.Contains("Database__ContextKey", error.Message, StringComparison.Ordinal);
    }
}
