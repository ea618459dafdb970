namespace Platform.Notifications.Rules;

public sealed class ServiceTokenException(string message) : Exception(message);
