using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.Units.Identity;

/// <summary>
/// The RSA key that signs access tokens: from <c>Identity:SigningKeyFile</c> (a PEM mounted from a secret), or an
/// ephemeral key for tests and first runs — tokens then do not survive a restart, which the log says.
/// </summary>
public sealed partial class SigningKeyProvider
{
    public SigningKeyProvider(IConfiguration configuration, ILogger<SigningKeyProvider> logger)
    {
        var rsa = RSA.Create(2048);
        var file = configuration["Identity:SigningKeyFile"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            rsa.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            LogEphemeralKey(logger);
        }

        KeyId = AuthenticationExtensions.SigningKeyId(rsa);
        PrivateKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        PublicKey = new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = KeyId };
        Credentials = new SigningCredentials(PrivateKey, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public RsaSecurityKey PrivateKey { get; }

    public RsaSecurityKey PublicKey { get; }

    public SigningCredentials Credentials { get; }

    public JsonWebKey PublicJwk()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicKey);
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return jwk;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Identity:SigningKeyFile is not set: signing tokens with an ephemeral key that is lost on restart")]
    private static partial void LogEphemeralKey(ILogger logger);
}
