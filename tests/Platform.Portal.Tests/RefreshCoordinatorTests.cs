using Microsoft.Extensions.Time.Testing;
using Platform.Portal.Session;

namespace Platform.Portal.Tests;

public sealed class RefreshCoordinatorTests
{
    private readonly FakeTimeProvider time =
        new(DateTimeOffset.Parse("2023-07-25T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task RequestsRacingWithTheSameRefreshTokenShareOneRefresh()
    {
        var coordinator = new RefreshCoordinator(time);
        var calls = 0;
        var gate = new TaskCompletionSource();
        async Task<string?> Refresh()
        {
            Interlocked.Increment(ref calls);
            await gate.Task;
            return "new-tokens";
        }

        var first = coordinator.RefreshOnceAsync("refresh-1", Refresh);
        var second = coordinator.RefreshOnceAsync("refresh-1", Refresh);
        var other = coordinator.RefreshOnceAsync("refresh-2", Refresh);
        gate.SetResult();
        Assert.All(await Task.WhenAll(first, second, other), tokens => Assert.Equal("new-tokens", tokens));
        Assert.Equal(2, calls);

        // Just after, the same token still gets the shared result; once it is old, a new refresh is made.
        Assert.Equal("new-tokens", await coordinator.RefreshOnceAsync("refresh-1", Refresh));
        Assert.Equal(2, calls);
        time.Advance(RefreshCoordinator.Keep + TimeSpan.FromSeconds(1));
        await coordinator.RefreshOnceAsync("refresh-1", Refresh);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task AFailedRefreshIsTriedAgainByTheNextRequest()
    {
        var coordinator = new RefreshCoordinator(time);
        var calls = 0;
        Task<string?> Failing()
        {
            calls++;
            return calls == 1
                ? throw new HttpRequestException("gateway unreachable")
                : Task.FromResult<string?>("new-tokens");
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => coordinator.RefreshOnceAsync("refresh-1", Failing));
        Assert.Equal("new-tokens", await coordinator.RefreshOnceAsync("refresh-1", Failing));
        Assert.Equal(2, calls);
    }
}
