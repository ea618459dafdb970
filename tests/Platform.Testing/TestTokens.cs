using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Testing;

/// <summary>Signs tokens for hosts that validate with a key file, the way the units service signs them.</summary>
public sealed class TestTokens : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public TestTokens()
    {
        KeyFile = Path.Combine(Path.GetTempPath(), $"duban-test-key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(KeyFile, rsa.ExportRSAPrivateKeyPem());
    }

    public string KeyFile { get; }

    public string Issue(
        string tenant, IEnumerable<string> roles, IEnumerable<string> scopes, TimeSpan? lifetime = null, string issuer = "duban", string? unit = null,
        Guid? subject = null)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", (subject ?? Guid.NewGuid()).ToString()), new("name", "test"), new("tenant", tenant), new("scope", string.Join(' ', scopes)) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (unit is not null)
        {
            claims.Add(new Claim("unit", unit));
        }

        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "duban",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        rsa.Dispose();
        File.Delete(KeyFile);
    }
}
