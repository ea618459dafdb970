namespace Platform.Units.Domain;

public enum UnitKind
{
    Unit = 1,
    Group = 2,
}
