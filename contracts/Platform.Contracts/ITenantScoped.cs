namespace Platform.Contracts;

/// <summary>A message that belongs to one tenant. The tenant travels in the body, never only in a header.</summary>
public interface ITenantScoped
{
    string TenantId { get; }
}
