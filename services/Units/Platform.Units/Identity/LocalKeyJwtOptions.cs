using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Platform.Units.Identity;

/// <summary>
/// The issuer validates its own tokens with the key it holds, instead of fetching its own JWKS over HTTP.
/// </summary>
public sealed class LocalKeyJwtOptions(SigningKeyProvider keys) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        options.MetadataAddress = null!;
        options.Authority = null;
        options.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
        options.TokenValidationParameters.IssuerSigningKey = keys.PublicKey;
    }
}
