namespace Platform.Contracts;

/// <summary>Whose list an indicator comes from; screens group indicators by it.</summary>
public enum IndicatorFamily
{
    /// <summary>One of NDRC's first-level indicators of 中国营商环境评价.</summary>
    Ndrc,

    /// <summary>One of the World Bank's B-READY topics.</summary>
    BReady,

    /// <summary>A name a list gave that neither set holds.</summary>
    Other,
}
