namespace Platform.Messaging;

/// <summary>A tenant-scoped message without its tenant: it is never published and never applied.</summary>
public sealed class MissingTenantException(Type messageType)
    : InvalidOperationException($"{messageType.Name} is tenant-scoped but carries no TenantId; it was rejected.");
