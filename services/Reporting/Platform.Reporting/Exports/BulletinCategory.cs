namespace Platform.Reporting.Exports;

/// <summary>Light counts of one task category.</summary>
/// <param name="Name">Category name, e.g. 市场准入.</param>
/// <param name="Green">Tasks lit green.</param>
/// <param name="Yellow">Tasks lit yellow.</param>
/// <param name="Red">Tasks lit red.</param>
public sealed record BulletinCategory(string Name, int Green, int Yellow, int Red);
