using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

[CollectionDefinition(Name)]
public sealed class UnitsCollection : ICollectionFixture<UnitsApp>
{
    public const string Name = "units";
}
