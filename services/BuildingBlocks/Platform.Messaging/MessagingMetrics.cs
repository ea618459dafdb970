namespace Platform.Messaging;

public static class MessagingMetrics
{
    public const string MeterName = "Platform.Messaging";
}
