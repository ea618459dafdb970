using DotNet.Testcontainers.Containers;

namespace Platform.Testing;

internal static class Containers
{
    /// <summary>Starts a container, or returns null at once when no Docker engine answers (the client binary proves nothing).</summary>
    public static async Task<T?> TryStartAsync<T>(Func<T> build)
        where T : class, IContainer
    {
        T container;
        try
        {
            container = build();
        }
        catch (Exception ex) when (ex.GetType().Name is "DockerUnavailableException" or "DockerConfigurationException")
        {
            return null;
        }

        await container.StartAsync();
        return container;
    }
}
