using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Platform.Deploy.Tests;

/// <summary>One YAML file under deploy/k8s: its documents, or why it did not parse.</summary>
internal sealed record ManifestFile(string RelativePath, string FullPath, IReadOnlyList<object?> Documents, string? Error)
{
    public bool IsExample => RelativePath.EndsWith(".example.yaml", StringComparison.Ordinal)
        || RelativePath.EndsWith(".example.yml", StringComparison.Ordinal);

    public bool IsKustomization => Path.GetFileName(RelativePath) is "kustomization.yaml" or "kustomization.yml";
}

/// <summary>One Kubernetes object (a document with apiVersion, kind and metadata.name).</summary>
internal sealed record K8sResource(string File, string ApiVersion, string Kind, string Name, string? Namespace, object Root)
{
    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>Everything under deploy/k8s, parsed once per test run.</summary>
internal sealed class Manifests
{
    public const string Namespace = "duban";

    private static readonly Lazy<Manifests> Loaded = new(() => Load(Path.Combine(RepoRoot.Find(), "deploy", "k8s")));

    private Manifests(string directory, IReadOnlyList<ManifestFile> files)
    {
        Directory = directory;
        Files = files;
        Kustomization = files.FirstOrDefault(f => f.RelativePath is "kustomization.yaml" or "kustomization.yml")
            ?.Documents.FirstOrDefault();

        var listed = new List<string>();
        var missing = new List<string>();
        CollectListed(directory, listed, missing, new HashSet<string>(StringComparer.Ordinal));
        ListedFiles = listed;
        MissingResources = missing;

        var byPath = files.ToDictionary(f => f.FullPath, StringComparer.Ordinal);
        Resources = listed
            .Where(byPath.ContainsKey)
            .SelectMany(path => ToResources(byPath[path]))
            .ToList();
        ExampleResources = files.Where(f => f.IsExample).SelectMany(ToResources).ToList();
    }

    public static Manifests Current => Loaded.Value;

    public string Directory { get; }

    /// <summary>Every *.yaml / *.yml file under deploy/k8s, examples included.</summary>
    public IReadOnlyList<ManifestFile> Files { get; }

    /// <summary>The parsed deploy/k8s/kustomization.yaml, or null.</summary>
    public object? Kustomization { get; }

    /// <summary>Full paths of the files the kustomization (and nested ones) list as resources.</summary>
    public IReadOnlyList<string> ListedFiles { get; }

    /// <summary>Resource entries of a kustomization that name nothing on disk.</summary>
    public IReadOnlyList<string> MissingResources { get; }

    /// <summary>The objects `kubectl apply -k deploy/k8s` would send.</summary>
    public IReadOnlyList<K8sResource> Resources { get; }

    /// <summary>The objects in *.example.yaml files (never applied).</summary>
    public IReadOnlyList<K8sResource> ExampleResources { get; }

    public IEnumerable<K8sResource> OfKind(string kind) => Resources.Where(r => r.Kind == kind);

    public K8sResource? Find(string kind, string name) => Resources.FirstOrDefault(r => r.Kind == kind && r.Name == name);

    public static IEnumerable<string> YamlFilesUnder(string directory) =>
        System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : [];

    public static string Relative(string directory, string path) =>
        Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/');

    private static Manifests Load(string directory)
    {
        var files = YamlFilesUnder(directory).Select(path => Parse(directory, path)).ToList();
        return new Manifests(directory, files);
    }

    private static ManifestFile Parse(string directory, string path)
    {
        var relative = Relative(directory, path);
        try
        {
            var deserializer = new DeserializerBuilder().Build();
            var documents = new List<object?>();
            using var reader = new StringReader(File.ReadAllText(path));
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                documents.Add(deserializer.Deserialize(parser));
            }

            return new ManifestFile(relative, path, documents, null);
        }
        catch (YamlException e)
        {
            return new ManifestFile(relative, path, [], $"{relative}: {e.Message}");
        }
    }

    private static IEnumerable<K8sResource> ToResources(ManifestFile file)
    {
        foreach (var document in file.Documents)
        {
            var apiVersion = document.Str("apiVersion");
            var kind = document.Str("kind");
            var name = document.Str("metadata", "name");
            if (document is not null && apiVersion is not null && kind is not null && name is not null)
            {
                yield return new K8sResource(file.RelativePath, apiVersion, kind, name, document.Str("metadata", "namespace"), document);
            }
        }
    }

    /// <summary>Follows kustomization resources: files directly, directories through their own kustomization.</summary>
    private void CollectListed(string kustomizationDir, List<string> listed, List<string> missing, HashSet<string> seen)
    {
        if (!seen.Add(kustomizationDir))
        {
            return;
        }

        var kustomization = kustomizationDir == Directory
            ? Kustomization
            : Files.FirstOrDefault(f => f.IsKustomization && Path.GetDirectoryName(f.FullPath) == kustomizationDir)?.Documents.FirstOrDefault();
        foreach (var entry in kustomization.Seq("resources").OfType<string>())
        {
            var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(kustomizationDir, entry)));
            if (File.Exists(path))
            {
                listed.Add(path);
            }
            else if (System.IO.Directory.Exists(path))
            {
                CollectListed(path, listed, missing, seen);
            }
            else
            {
                missing.Add($"{Relative(Directory, kustomizationDir)}: {entry}");
            }
        }
    }
}
