using DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Documents.Word;

/// <summary>
/// The typefaces of an official document (GB/T 9704): the title in 方正小标宋简体, first-level headings in 黑体, the body in
/// 仿宋_GB2312, Latin text and figures in Times New Roman. Each is declared in the document's font table with an
/// alternate name a machine without it is likely to have, so the text keeps its style (a serif body, a sans heading)
/// when the first choice is missing.
/// </summary>
public static class OfficialFonts
{
    public const string Title = "方正小标宋简体";
    public const string Heading = "黑体";
    public const string Body = "仿宋_GB2312";
    public const string Latin = "Times New Roman";

    /// <summary>Every face the documents name, with the alternate Word and LibreOffice fall back to.</summary>
    public static IReadOnlyList<(string Name, string AltName, FontFamilyValues Family)> Declared { get; } =
    [
        (Title, "宋体", FontFamilyValues.Roman),
        (Heading, "SimHei", FontFamilyValues.Modern),
        (Body, "仿宋", FontFamilyValues.Roman),
        ("仿宋", "FangSong", FontFamilyValues.Roman),
        ("宋体", "SimSun", FontFamilyValues.Roman),
        (Latin, "Liberation Serif", FontFamilyValues.Roman),
    ];

    /// <summary>
    /// The font table part's content: each declared face, its alternate name and the GB2312 charset.
    /// </summary>
    public static Fonts FontTable()
    {
        var fonts = new Fonts();
        foreach (var (name, alt, family) in Declared)
        {
            fonts.Append(new Font(
                new AltName { Val = alt },
                new FontCharSet { Val = name == Latin ? "00" : "86" },
                new FontFamily { Val = family },
                new Pitch { Val = name == Latin ? FontPitchValues.Variable : FontPitchValues.Fixed })
            {
                Name = name,
            });
        }

        return fonts;
    }

    /// <summary>
    /// Run fonts: <paramref name="eastAsia"/> for Chinese, Times New Roman for Latin letters and figures.
    /// </summary>
    public static RunFonts Run(string eastAsia) => new()
    {
        Ascii = Latin,
        HighAnsi = Latin,
        ComplexScript = Latin,
        EastAsia = eastAsia,
        Hint = FontTypeHintValues.EastAsia,
    };
}
