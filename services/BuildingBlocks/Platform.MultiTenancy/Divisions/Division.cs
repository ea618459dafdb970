namespace Platform.MultiTenancy;

/// <summary>
/// One administrative division of <see cref="DivisionTree"/>. <paramref name="Parent"/> is the division directly above
/// in our tree, which is not always the code with the last digits zeroed: the municipalities' 市辖区/县 and the
/// provinces' directly administered county-level groupings are no divisions, so what they group has the province as
/// parent (500103 渝中区 → 500000, 429004 仙桃市 → 420000).
/// </summary>
/// <param name="Code">The six-digit GB/T 2260 code.</param>
/// <param name="Name">The official name, e.g. 渝中区.</param>
/// <param name="Parent">The code of the division directly above; null for a province.</param>
/// <param name="Level">What kind of division this is, read from the shape of the code.</param>
public sealed record Division(string Code, string Name, string? Parent, DivisionLevel Level);
