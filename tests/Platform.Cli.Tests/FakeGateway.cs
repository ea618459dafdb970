using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Cli.Tests;

/// <summary>
/// A gateway on a local port that gives canned JSON answers ("GET /api/v1/tasks?…" to its body), so the online
/// commands can be run in-process without the stack; anything not canned is a 404 problem.
/// </summary>
internal sealed class FakeGateway : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, string> answers = new(StringComparer.Ordinal);
    private readonly Task loop;

    public FakeGateway()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
            probe.Stop();
        }

        listener.Prefixes.Add(Address + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Address { get; }

    /// <summary>The requests received, "METHOD /path?query", in order.</summary>
    public List<string> Requests { get; } = [];

    public void Answer(string request, string json) => answers[request] = json;

    public void Dispose()
    {
        listener.Stop();
        loop.Wait();
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException
                                      && !listener.IsListening)
            {
                // Stopped by Dispose, before or during this accept (a listener stopped before the first accept
                // throws InvalidOperationException): serving is over.
                return;
            }

            var request = $"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery}";
            lock (Requests)
            {
                Requests.Add(request);
            }

            var known = answers.TryGetValue(request, out var body);
            context.Response.StatusCode = known ? 200 : 404;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(known ? body! : $"{{\"detail\":\"no such route: {request}\"}}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
