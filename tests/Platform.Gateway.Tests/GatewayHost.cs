using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// A gateway under test, validating tokens with a test key, in front of the backends a subclass starts and names in
/// the gateway's settings.
/// </summary>
public abstract class GatewayHost : IAsyncLifetime
{
    private WebApplicationFactory<Program> factory = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public HttpMessageHandler Handler { get; private set; } = null!;

    public Uri BaseAddress => factory.Server.BaseAddress;

    /// <summary>The in-memory server, for requests whose raw path no client would send as it is.</summary>
    public Microsoft.AspNetCore.TestHost.TestServer Server => factory.Server;

    public async Task InitializeAsync()
    {
        var settings = await StartBackendsAsync();
        settings["Identity:SigningKeyFile"] = Tokens.KeyFile;
        factory = TestHosts.Gateway(settings);
        Http = CreateClient(factory);
        Handler = factory.Server.CreateHandler();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        await StopBackendsAsync();
        Tokens.Dispose();
    }

    /// <summary>Starts the backends and answers the gateway's settings that point at them.</summary>
    protected abstract Task<Dictionary<string, string>> StartBackendsAsync();

    protected abstract Task StopBackendsAsync();

    protected virtual HttpClient CreateClient(WebApplicationFactory<Program> gateway) => gateway.CreateClient();
}
