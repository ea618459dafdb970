namespace Platform.Units.Domain;

public enum TenantLevel
{
    Province = 1,
    Municipality = 2,
    District = 3,
}
