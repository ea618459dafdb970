namespace Platform.Documents.Word;

/// <summary>How a table column takes its width from its content.</summary>
public enum ColumnSizing
{
    /// <summary>As wide as its widest entry or header, never wrapped: numbers, lights, codes.</summary>
    Fit,

    /// <summary>As wide as its widest entry up to a cap, then wrapped: names of categories and units.</summary>
    Capped,

    /// <summary>Shares what the other columns leave, in proportion to its content: reasons, problems.</summary>
    Fill,
}
