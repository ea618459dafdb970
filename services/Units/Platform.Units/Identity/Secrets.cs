using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Platform.Units.Identity;

/// <summary>
/// Password and secret hashing (PBKDF2 via ASP.NET Core Identity's hasher) and opaque token generation.
/// </summary>
public static class Secrets
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    /// <summary>
    /// A hash to verify against when the account does not exist, so timing does not reveal usernames.
    /// </summary>
    public static readonly string DummyHash = Hash("not-a-password");

    public static string Hash(string secret) => Hasher.HashPassword(Subject, secret);

    public static bool Verify(string hash, string secret) =>
        Hasher.VerifyHashedPassword(Subject, hash, secret) != PasswordVerificationResult.Failed;

    public static string NewOpaqueToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A one-time password an office hands over (read aloud, printed on a sheet): 12 characters of letters and digits
    /// that cannot be mistaken for one another (no 0/O, 1/l/I), about 70 bits.
    /// </summary>
    public static string NewInitialPassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 12);

    /// <summary>Refresh tokens are stored only as this digest (they are random, so a fast hash suffices).</summary>
    public static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string? ValidatePassword(string? password, int minLength) =>
        string.IsNullOrEmpty(password) ? "must not be empty"
        : password.Length < minLength ? $"must be at least {minLength} characters"
        : password.Length > 128 ? "must be at most 128 characters"
        : null;

}
