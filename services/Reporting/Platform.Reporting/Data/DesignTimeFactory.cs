using Platform.MultiTenancy;

namespace Platform.Reporting.Data;

internal sealed class DesignTimeFactory() : TenantDesignTimeFactory<ReportingDbContext>("duban_reporting");
