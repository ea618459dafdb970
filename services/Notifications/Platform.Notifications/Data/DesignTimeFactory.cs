using Platform.MultiTenancy;

namespace Platform.Notifications.Data;

internal sealed class DesignTimeFactory() : TenantDesignTimeFactory<NotificationsDbContext>("duban_notifications");
