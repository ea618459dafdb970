namespace Platform.Notifications.Channels;

/// <summary>
/// A webhook target that resolves to an address outside the public internet (see <see cref="PublicAddress"/>).
/// </summary>
public sealed class NotPublicAddressException(string host) : Exception($"'{host}' is not a public address");
