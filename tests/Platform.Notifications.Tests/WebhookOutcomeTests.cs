using Platform.Notifications.Channels;

namespace Platform.Notifications.Tests;

/// <summary>
/// The delivery log shows a webhook's failure in fixed words only; a line written before that rule (which may quote a
/// receiver's answer or a socket error, telling an office what listens behind an address) is shown as "failed".
/// </summary>
public sealed class WebhookOutcomeTests
{
    [Theory]
    [InlineData("refused: not a public address")]
    [InlineData("refused: not https")]
    [InlineData("failed: timeout")]
    [InlineData("failed: could not connect")]
    [InlineData("failed: HTTP 302")]
    [InlineData("failed: HTTP 500")]
    [InlineData("the subscription was deleted")]
    [InlineData(null)]
    public void AFixedOutcomeIsShownAsItIs(string? outcome) => Assert.Equal(outcome, WebhookSender.Shown(outcome));

    [Theory]
    [InlineData("the receiver answered 401 Unauthorized")]
    [InlineData("Connection refused (10.0.0.5:5432)")]
    [InlineData("failed: HTTP 500 db=10.0.0.5")]
    [InlineData("failed: HTTP abc")]
    [InlineData("The SSL connection could not be established, see inner exception.")]
    public void AnythingElseIsShownAsFailed(string lastError) => Assert.Equal("failed", WebhookSender.Shown(lastError));
}
