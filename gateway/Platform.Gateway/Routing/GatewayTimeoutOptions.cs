namespace Platform.Gateway.Routing;

/// <param name="Default">Every API call and gRPC unary call not named below.</param>
/// <param name="Long">Document imports, exports and evidence files, which carry or produce files.</param>
/// <param name="Token">The token endpoint, which answers from the units service's own table.</param>
/// <param name="Portal">
/// The portal's pages, which wait for the API themselves; longer than <paramref name="Long"/>, since the import page
/// waits for an import.
/// </param>
public sealed record GatewayTimeoutOptions(TimeSpan Default, TimeSpan Long, TimeSpan Token, TimeSpan Portal);
