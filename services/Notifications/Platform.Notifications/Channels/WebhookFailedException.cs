namespace Platform.Notifications.Channels;

/// <summary>
/// A webhook delivery that failed; the message is all the delivery log shows (see <see cref="WebhookSender"/>).
/// </summary>
public sealed class WebhookFailedException(string outcome, Exception? cause) : Exception(outcome, cause);
