using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

/// <summary>Who leads a task and who shares it, the rule on its own.</summary>
public sealed class UnitAssignmentTests
{
    private static readonly GluedUnitNames Offline = new(null);

    private static UnitAnnotation Annotation(
        string[]? leads = null,
        string[]? responsibles = null,
        string[]? owners = null,
        string[]? leaders = null)
    {
        var a = new UnitAnnotation();
        a.Leads.AddRange(leads ?? []);
        a.Responsibles.AddRange(responsibles ?? []);
        a.Owners.AddRange(owners ?? []);
        a.Leaders.AddRange(leaders ?? []);
        return a;
    }

    [Fact]
    public void MarkedLeadsLeadAndAUnitNamedTwiceIsALeadOnce()
    {
        var units = UnitAssignment.Assign([Annotation(["区财政局"], ["区税务局", "区财政局"])], null, false, Offline);

        Assert.Equal(["区财政局"], units.Leads);
        Assert.Equal(["区税务局"], units.Responsibles);
    }

    [Fact]
    public void UnitsNamedOnlyAsResponsibleForItLeadUnlessAUnitIsMarkedLead()
    {
        Assert.Equal(
            ["区商务委", "区发展改革委"],
            UnitAssignment.Assign([Annotation(owners: ["区商务委", "区发展改革委"])], null, false, Offline).Leads);

        var marked = UnitAssignment.Assign([Annotation(["区财政局"]), Annotation(owners: ["区商务委"])], null, false, Offline);
        Assert.Equal(["区财政局"], marked.Leads);
        Assert.Equal(["区商务委"], marked.Responsibles);
    }

    [Fact]
    public void UnderTheFirstUnitRuleTheFirstListedLeads()
    {
        var units = UnitAssignment.Assign([Annotation(responsibles: ["区商务委", "区交通局"])], null, true, Offline);
        var without = UnitAssignment.Assign([Annotation(responsibles: ["区商务委", "区交通局"])], null, false, Offline);

        Assert.Equal(["区商务委"], units.Leads);
        Assert.Equal(["区交通局"], units.Responsibles);
        Assert.Empty(without.Leads);
        Assert.Equal(["区商务委", "区交通局"], without.Responsibles);
    }

    [Fact]
    public void ATaskNamingNoUnitTakesItsCategorysAndItsLeaders()
    {
        var category = new CategoryBuilder("一", 1, "一、获得电力");
        category.Apply(Annotation(["国网供电公司"], ["区经济信息委"], leaders: ["张三"]), false);

        var inherited = UnitAssignment.Assign([], category, false, Offline);
        var own = UnitAssignment.Assign([Annotation(["区住房城乡建委"])], category, false, Offline);

        Assert.Equal(["国网供电公司"], inherited.Leads);
        Assert.Equal(["区经济信息委"], inherited.Responsibles);
        Assert.Equal(["张三"], inherited.Leaders);
        Assert.Equal(["区住房城乡建委"], own.Leads);
        Assert.Empty(own.Responsibles);
    }

    [Fact]
    public void GluedNamesAreSplitAndTheSplitIsReturnedForTheWarning()
    {
        var units = UnitAssignment.Assign([Annotation(["区发展改革委区财政局"])], null, false, Offline);

        Assert.Equal(["区发展改革委", "区财政局"], units.Leads);
        Assert.Equal("区发展改革委区财政局", Assert.Single(units.Splits).Name);
    }
}
