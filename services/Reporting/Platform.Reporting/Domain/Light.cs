namespace Platform.Reporting.Domain;

public enum Light
{
    Green = 1,
    Yellow = 2,
    Red = 3,
}
