using System.Net.Http.Json;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The list as the units service serves it (<c>Identity:Authority</c> + <c>/connect/revocations</c>).
/// </summary>
public sealed class HttpTokenRevocationSource(HttpClient http) : ITokenRevocationSource
{
    public const string Path = "/connect/revocations";

    public async Task<RevocationList> FetchAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<RevocationList>(Path, cancellationToken)
        ?? throw new InvalidOperationException("The units service answered an empty revocation list.");
}
