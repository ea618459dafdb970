namespace Platform.Portal.Charts;

/// <summary>One bar's counts of green, yellow and red tasks.</summary>
public sealed record LightBar(string Label, int Green, int Yellow, int Red)
{
    public int Total => Green + Yellow + Red;
}
