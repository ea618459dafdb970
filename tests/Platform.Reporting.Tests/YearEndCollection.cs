namespace Platform.Reporting.Tests;

[CollectionDefinition(Name)]
public sealed class YearEndCollection : ICollectionFixture<YearEndApp>
{
    public const string Name = "year end";
}
