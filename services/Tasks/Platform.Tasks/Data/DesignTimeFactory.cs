using Platform.MultiTenancy;

namespace Platform.Tasks.Data;

internal sealed class DesignTimeFactory() : TenantDesignTimeFactory<TasksDbContext>("duban_tasks");
