namespace Platform.MultiTenancy;

/// <summary>
/// The three tiers of GB/T 2260 the platform deals in. A county-level district of a municipality (500103 渝中区) is a
/// <see cref="County"/> even though its parent is the province: the level says what a division is, not how deep it
/// sits.
/// </summary>
public enum DivisionLevel
{
    /// <summary>省级: provinces, autonomous regions and the four municipalities (XX0000).</summary>
    Province = 1,

    /// <summary>地级: prefecture-level cities, prefectures, autonomous prefectures and leagues (XXYY00).</summary>
    Prefecture = 2,

    /// <summary>
    /// 县级: districts, counties, county-level cities, banners (XXYYZZ) — the level our tenants live at.
    /// </summary>
    County = 3,
}
