namespace Platform.Messaging;

/// <summary>
/// Header that mirrors the body's tenant for routing and tracing; the body stays the source of truth.
/// </summary>
public static class TenantHeaders
{
    public const string TenantId = "tenant-id";
}
