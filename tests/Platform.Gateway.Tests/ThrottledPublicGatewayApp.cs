namespace Platform.Gateway.Tests;

/// <summary>The public routes' gateway with a bucket of 8 requests, refilled by one a second.</summary>
public sealed class ThrottledPublicGatewayApp : PublicGatewayApp
{
    public override int PublicBurst => 8;
}
