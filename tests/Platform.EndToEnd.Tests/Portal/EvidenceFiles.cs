namespace Platform.EndToEnd.Tests.Portal;

/// <summary>
/// Files a reporter uploads as evidence, in a folder of their own: a one-pixel photo the service keeps and a program
/// (by its name and its first bytes) it refuses. The caller deletes <see cref="Folder"/>.
/// </summary>
internal sealed record EvidenceFiles(string Folder, string Photo, string Program)
{
    private const string OnePixelPng =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    public static EvidenceFiles Create()
    {
        var folder = Directory.CreateTempSubdirectory("duban-evidence-").FullName;
        var photo = Path.Combine(folder, "窗口现场照片.png");
        File.WriteAllBytes(photo, Convert.FromBase64String(OnePixelPng));
        var program = Path.Combine(folder, "setup.exe");
        File.WriteAllBytes(program, "MZ\u0090\0"u8.ToArray());
        return new EvidenceFiles(folder, photo, program);
    }
}
