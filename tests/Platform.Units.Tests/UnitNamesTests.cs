using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.Units.Domain;

namespace Platform.Units.Tests;

public sealed class UnitNamesTests
{
    [Theory]
    [InlineData("区市场监管局", "区市场监管局")]
    [InlineData(" 区 市场监管局 ", "区市场监管局")]
    [InlineData("区市场监管局。", "区市场监管局")]
    [InlineData("ＡＢＣ区局", "abc区局")]
    public void FullWidthSpacesAndTrailingPunctuationNormalizeAway(string printed, string expected) =>
        Assert.Equal(expected, UnitNames.Normalize(printed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("。，")]
    [InlineData("区\u0007局")]
    public void EmptyPunctuationOnlyOrControlNamesAreRefused(string name) => Assert.NotNull(UnitNames.Validate(name));

    [Fact]
    public void OverlongNameIsRefusedWithItsLength() =>
        Assert.Contains("101", UnitNames.Validate(new string('局', 101)));

    [Fact]
    public void RenameKeepsTheOldNameAsAlias()
    {
        var unit = Unit.Create("500103", "区经信委", UnitKind.Unit, [], DateTimeOffset.UnixEpoch);
        unit.Rename("区经济信息委", keepOldNameAsAlias: true, DateTimeOffset.UnixEpoch);
        Assert.Equal("区经济信息委", unit.Name);
        Assert.Equal(["区经信委"], unit.Aliases.Select(a => a.Alias));
        Assert.Equal(2, unit.Version);
    }

    [Fact]
    public void AliasEqualToTheNameIsAConflict()
    {
        var unit = Unit.Create("500103", "区财政局", UnitKind.Unit, [], DateTimeOffset.UnixEpoch);
        Assert.Throws<ConflictException>(() => unit.AddAlias("区财政局 ", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void OnlyGroupsHaveMembers()
    {
        var unit = Unit.Create("500103", "区财政局", UnitKind.Unit, [], DateTimeOffset.UnixEpoch);
        Assert.Throws<PreconditionException>(() => unit.SetMembers([Guid.NewGuid()], DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("500103", true)]
    [InlineData("500000", true)]
    [InlineData("110101", true)]
    [InlineData("50010", false)]
    [InlineData("5001034", false)]
    [InlineData("abcdef", false)]
    [InlineData("990000", false)]
    [InlineData("host", false)]
    public void DivisionCodesAreSixDigitsOfAKnownProvince(string code, bool valid) =>
        Assert.Equal(valid, DivisionCode.IsValid(code));

    [Theory]
    [InlineData("500000", "500103", true)]
    [InlineData("500000", "500105", true)]
    [InlineData("500000", "500000", false)]
    [InlineData("500000", "510104", false)]
    [InlineData("500103", "500105", false)]
    [InlineData("510100", "510104", true)]
    public void AMunicipalityOverseesTheCodesItPrefixes(string parent, string child, bool oversees) =>
        Assert.Equal(oversees, DivisionCode.Oversees(parent, child));

    [Fact]
    public void ATenantsParentMustOverseeIt()
    {
        var chongqing = TenantRecord.Create("500000", "重庆市", null, DateTimeOffset.UnixEpoch);
        Assert.Equal(TenantLevel.Municipality, chongqing.Level);
        Assert.Equal(
            TenantLevel.District,
            TenantRecord.Create("500103", "渝中区", chongqing, DateTimeOffset.UnixEpoch).Level);
        var error = Assert.Throws<ValidationException>(() => TenantRecord.Create(
            "510104",
            "锦江区",
            chongqing,
            DateTimeOffset.UnixEpoch));
        Assert.Equal("parent_id", error.Field);
        Assert.Equal("id", Assert.Throws<ValidationException>(() => TenantRecord.Create(
            "12345",
            "x",
            null,
            DateTimeOffset.UnixEpoch)).Field);
    }
}
