namespace Platform.Reporting.Tests;

/// <summary>
/// Waits for what the service does asynchronously (a consumed event, a projection, a clock pass): polls every 200 ms
/// and fails with the given message after 30 seconds.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string failure = "the projection never caught up")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }
}
