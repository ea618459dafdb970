using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// What one relay pass did: rows claimed, rows the broker confirmed, and when to try again after a failure.
/// </summary>
public sealed record RelayPass(int Claimed, int Sent, DateTimeOffset? Failed);
