using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    public const string DefaultIssuer = "duban";
    public const string DefaultAudience = "duban";

    /// <summary>
    /// Every host validates the platform's JWTs itself. Keys come from the identity authority's JWKS
    /// (<c>Identity:Authority</c>, the units service), or from a PEM file (<c>Identity:SigningKeyFile</c>) where the
    /// host holds the key itself. Each scope becomes a policy of the same name. A validly signed token of an account
    /// whose tokens were revoked after it was issued (<see cref="TokenRevocations"/>, fetched from the authority) is
    /// refused.
    /// </summary>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection("Identity");
        builder.Services.AddSingleton<TokenRevocations>();
        builder.Services.AddHostedService<TokenRevocationPoller>();
        if (identity["Authority"] is { Length: > 0 } revocationAuthority)
        {
            builder.Services.AddHttpClient(nameof(HttpTokenRevocationSource), c =>
            {
                c.BaseAddress = new Uri(revocationAuthority.TrimEnd('/') + "/");
                c.Timeout = TimeSpan.FromSeconds(5);
            });
            builder.Services.TryAddSingleton<ITokenRevocationSource>(sp =>
                new HttpTokenRevocationSource(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpTokenRevocationSource))));
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = false;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal is { } principal &&
                            context.HttpContext.RequestServices.GetRequiredService<TokenRevocations>()
                                .IsRevoked(principal))
                        {
                            context.Fail("The token was revoked: the account was disabled or its password or roles " +
                                "changed. Sign in again.");
                        }

                        return Task.CompletedTask;
                    },
                };
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = identity["Issuer"] ?? DefaultIssuer,
                    ValidAudience = identity["Audience"] ?? DefaultAudience,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                };
                var authority = identity["Authority"];
                var keyFile = identity["SigningKeyFile"];
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    o.MetadataAddress = authority.TrimEnd('/') + "/.well-known/openid-configuration";
                }
                else if (!string.IsNullOrWhiteSpace(keyFile))
                {
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(File.ReadAllText(keyFile));
                    o.TokenValidationParameters.IssuerSigningKey = new RsaSecurityKey(
                        rsa.ExportParameters(false)) { KeyId = SigningKeyId(rsa) };
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(
                new AuthorizationPolicyBuilder()
                    .RequireAuthenticatedUser()
                    .RequireClaim(PlatformClaims.Tenant)
                    .Build());
        builder.Services.AddAuthorization(o =>
        {
            foreach (var scope in PlatformScopes.All)
            {
                o.AddPolicy(scope, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                    c.User.FindAll(PlatformClaims.Scope).Any(s => s.Value.Split(' ').Contains(scope))));
            }
        });
        return builder;
    }

    /// <summary>
    /// The key id published in the JWKS: a thumbprint of the public key, so a rotated key gets a new id.
    /// </summary>
    public static string SigningKeyId(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        var hash = SHA256.HashData([.. p.Modulus!, .. p.Exponent!]);
        return Base64UrlEncoder.Encode(hash.AsSpan(0, 16).ToArray());
    }
}
