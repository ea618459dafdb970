namespace Platform.ServiceDefaults.Security;

/// <summary>Where a host gets the revocation list.</summary>
public interface ITokenRevocationSource
{
    Task<RevocationList> FetchAsync(CancellationToken cancellationToken);
}
