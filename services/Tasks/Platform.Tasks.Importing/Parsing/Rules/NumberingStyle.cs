namespace Platform.Tasks.Importing.Parsing;

/// <summary>The numbering styles of Chinese official documents, outermost first (GB/T 9704 order).</summary>
internal enum NumberingStyle
{
    /// <summary>一、</summary>
    ChineseComma = 1,

    /// <summary>（一） or (一)</summary>
    ChineseParen = 2,

    /// <summary>1. or 1、 or 1．</summary>
    Arabic = 3,

    /// <summary>（1） or (1) or ⑴</summary>
    ArabicParen = 4,

    /// <summary>①</summary>
    Circled = 5,
}
