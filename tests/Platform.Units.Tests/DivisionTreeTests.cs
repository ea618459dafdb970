using Platform.MultiTenancy;

namespace Platform.Units.Tests;

/// <summary>
/// The shipped GB/T 2260 table and the tree over it: counts, parent rules and the lookups tenants rely on.
/// </summary>
public sealed class DivisionTreeTests
{
    private static readonly DivisionTree Tree = DivisionTree.Standard;

    [Fact]
    public void TheProvincesAreTheThirtyOneOfTheMainlandInCodeOrder()
    {
        var provinces = Tree.Children(null);
        Assert.Equal(31, provinces.Count);
        Assert.All(provinces, p => Assert.Equal((DivisionLevel.Province, null), (p.Level, p.Parent)));
        Assert.Equal(provinces.Select(p => p.Code).Order(StringComparer.Ordinal), provinces.Select(p => p.Code));
        Assert.Equal(Tree.All.Where(d => d.Level == DivisionLevel.Province), provinces);

        // The source has no GB/T 2260 codes for 台湾, 香港 and 澳门, so the table holds none of them.
        Assert.DoesNotContain(Tree.All, d => d.Code[..2] is "71" or "81" or "82");
    }

    [Fact]
    public void EachLevelHoldsAboutAsManyDivisionsAsTheCountryHas()
    {
        Assert.InRange(Tree.All.Count(d => d.Level == DivisionLevel.Prefecture), 330, 336);
        Assert.InRange(Tree.All.Count(d => d.Level == DivisionLevel.County), 2800, 2900);
        Assert.Equal(Tree.All.Count(d => d.Level == DivisionLevel.County), Tree.Counties().Count);
    }

    [Fact]
    public void CodesAreValidSixDigitsUniqueAndSorted()
    {
        var codes = Tree.All.Select(d => d.Code).ToList();
        Assert.All(codes, code => Assert.True(DivisionCode.IsValid(code), code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.All(Tree.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Name), d.Code));
    }

    [Fact]
    public void EveryDivisionHangsOffTheDivisionItsCodeNamesOrElseItsProvince()
    {
        foreach (var division in Tree.All.Where(d => d.Level != DivisionLevel.Province))
        {
            var parent = Tree.Find(division.Parent!);
            Assert.True(parent is not null, $"{division.Code}: parent {division.Parent} is not in the table");
            var province = division.Code[..2] + "0000";
            var prefecture = division.Code[..4] + "00";
            if (division.Level == DivisionLevel.Prefecture)
            {
                Assert.Equal(province, parent.Code);
            }
            else if (Tree.Contains(prefecture))
            {
                Assert.Equal(prefecture, parent.Code);
            }
            else
            {
                // 500103 渝中区 under 500100 市辖区, 429004 仙桃市 under 429000 省直辖县级行政区划:
                // groupings, not divisions.
                Assert.Equal(province, parent.Code);
            }

            Assert.True(parent.Level < division.Level, division.Code);
            Assert.True(DivisionCode.Oversees(parent.Code, division.Code), division.Code);
        }
    }

    [Theory]
    [InlineData("500103", "渝中区", "500000")]
    [InlineData("500229", "城口县", "500000")]
    [InlineData("110105", "朝阳区", "110000")]
    [InlineData("510104", "锦江区", "510100")]
    [InlineData("510100", "成都市", "510000")]
    [InlineData("429004", "仙桃市", "420000")]
    [InlineData("429021", "神农架林区", "420000")]
    [InlineData("419001", "济源市", "410000")]
    [InlineData("469001", "五指山市", "460000")]
    [InlineData("659001", "石河子市", "650000")]
    [InlineData("441900", "东莞市", "440000")]
    public void KnownDivisionsHaveTheirNameAndParent(string code, string name, string parent)
    {
        var division = Tree.Find(code);
        Assert.NotNull(division);
        Assert.Equal((name, parent), (division.Name, division.Parent));
    }

    [Theory]
    [InlineData("441900")]
    [InlineData("442000")]
    [InlineData("620200")]
    [InlineData("460400")]
    public void PrefectureLevelCitiesWithoutCountiesHaveNoChildren(string code)
    {
        Assert.Equal(DivisionLevel.Prefecture, Tree.Find(code)?.Level);
        Assert.Empty(Tree.Children(code));
        Assert.Empty(Tree.Counties(code));
    }

    [Theory]
    [InlineData("110100")]
    [InlineData("500100")]
    [InlineData("500200")]
    [InlineData("419000")]
    [InlineData("429000")]
    [InlineData("469000")]
    [InlineData("659000")]
    [InlineData("441900001")]
    public void PseudoDivisionsAndTownshipsAreNotInTheTree(string code)
    {
        Assert.False(Tree.Contains(code));
        Assert.Null(Tree.Find(code));
    }

    [Fact]
    public void NoDivisionIsNamedLikeAGrouping() =>
        Assert.DoesNotContain(
            Tree.All,
            d => d.Name is "市辖区" or "县"
                or "省直辖县级行政区划" or "自治区直辖县级行政区划");

    [Fact]
    public void SichuanHasItsTwentyOnePrefectureLevelDivisionsAsChildren()
    {
        var children = Tree.Children("510000");
        Assert.Equal(21, children.Count);
        Assert.All(children, c => Assert.Equal((DivisionLevel.Prefecture, "510000"), (c.Level, c.Parent)));
        Assert.Equal("成都市", children[0].Name);
        Assert.Equal(children.Select(c => c.Code).Order(StringComparer.Ordinal), children.Select(c => c.Code));
    }

    [Fact]
    public void AMunicipalitysChildrenAreItsDistrictsAndCounties()
    {
        var children = Tree.Children("500000");
        Assert.Contains(children, c => c.Code == "500103");
        Assert.Contains(children, c => c.Code == "500229");
        Assert.All(children, c => Assert.Equal(DivisionLevel.County, c.Level));
        Assert.Equal(children, Tree.Counties("500000"));
    }

    [Theory]
    [InlineData("510104")]
    [InlineData("999999")]
    [InlineData("nope")]
    public void CountiesAndUnknownCodesHaveNoChildren(string code)
    {
        Assert.Empty(Tree.Children(code));
        Assert.Empty(Tree.Counties(code));
    }

    [Fact]
    public void AncestorsRunFromTheParentUpToTheProvince()
    {
        Assert.Equal(["510100", "510000"], Tree.Ancestors("510104").Select(d => d.Code));
        Assert.Equal(["500000"], Tree.Ancestors("500103").Select(d => d.Code));
        Assert.Equal(["420000"], Tree.Ancestors("429004").Select(d => d.Code));
        Assert.Empty(Tree.Ancestors("510000"));
        Assert.Empty(Tree.Ancestors("999999"));
    }

    [Theory]
    [InlineData("510000", "510104", true)]
    [InlineData("510100", "510104", true)]
    [InlineData("510000", "510100", true)]
    [InlineData("500000", "500103", true)]
    [InlineData("420000", "429004", true)]
    [InlineData("500000", "510104", false)]
    [InlineData("510104", "510104", false)]
    [InlineData("510104", "510000", false)]
    [InlineData("500100", "500103", false)]
    [InlineData("510000", "519999", false)]
    public void IsUnderFollowsTheTree(string ancestor, string code, bool under) =>
        Assert.Equal(under, Tree.IsUnder(ancestor, code));

    [Fact]
    public void ACountyIsCountedUnderEachOfItsAncestors()
    {
        var sichuan = Tree.Counties("510000");
        Assert.Contains(sichuan, d => d.Code == "510104");
        Assert.All(sichuan, d => Assert.True(Tree.IsUnder("510000", d.Code), d.Code));
        Assert.Equal(Tree.Children("510000").Sum(p => Tree.Counties(p.Code).Count), sichuan.Count);
        Assert.Equal(Tree.Children("510100"), Tree.Counties("510100"));
        Assert.Equal(Tree.Counties().Count, Tree.Children(null).Sum(p => Tree.Counties(p.Code).Count));
    }
}
