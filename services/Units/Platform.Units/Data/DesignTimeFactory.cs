using Platform.MultiTenancy;

namespace Platform.Units.Data;

internal sealed class DesignTimeFactory() : TenantDesignTimeFactory<UnitsDbContext>("duban_units");
