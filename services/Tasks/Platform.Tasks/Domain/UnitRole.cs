namespace Platform.Tasks.Domain;

public enum UnitRole
{
    Lead = 1,
    Responsible = 2,
}
