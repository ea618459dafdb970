namespace Platform.Cli.Online;

/// <summary>
/// What every online command is given: the gateway, whether to print JSON, where to write, and when to stop.
/// </summary>
public sealed record OnlineCall(
    string? Gateway, bool Json, TextWriter Output, TextWriter Error, CancellationToken CancellationToken);
