using System.Diagnostics;
using System.Globalization;

namespace Platform.Chaos;

/// <summary>
/// The chaos stack's processes, through deploy/local/chaos.sh --ctl (which uses deploy/local/lib.sh's functions).
/// </summary>
public sealed class Stack(string controlScript)
{
    public Task KillAsync(string what) => RunAsync("kill", what);

    public Task StartAsync(string what) => RunAsync("start", what);

    public Task PauseAsync(string what) => RunAsync("pause", what);

    public Task ResumeAsync(string what) => RunAsync("resume", what);

    /// <summary>Messages waiting in each queue of the chaos node (rabbitmqctl list_queues).</summary>
    public async Task<Dictionary<string, long>> QueuesAsync()
    {
        var queues = new Dictionary<string, long>(StringComparer.Ordinal);
        var listed = await RunAsync("queues", "all");
        foreach (var line in listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                queues[parts[0]] = count;
            }
        }

        return queues;
    }

    /// <summary>Messages parked in the error and skipped queues (MassTransit's *_error, *_skipped).</summary>
    public async Task<(long Count, string Detail)> ParkedAsync()
    {
        var parked = (await QueuesAsync())
            .Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)
                || q.Key.EndsWith("_skipped", StringComparison.Ordinal))
            .Where(q => q.Value > 0)
            .ToList();
        return (parked.Sum(q => q.Value), string.Join(", ", parked.Select(q => $"{q.Key} {q.Value}")));
    }

    private async Task<string> RunAsync(string verb, string what)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { controlScript, "--ctl", verb, what })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"chaos.sh --ctl {verb} {what} exited with {process.ExitCode}: {(await errors).Trim()}");
        }

        return await output;
    }
}
