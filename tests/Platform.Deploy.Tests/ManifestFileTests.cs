namespace Platform.Deploy.Tests;

/// <summary>The files under deploy/k8s parse, and the kustomization applies exactly them.</summary>
public class ManifestFileTests
{
    private static readonly HashSet<string> ClusterScopedKinds =
    [
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass",
        "PriorityClass", "StorageClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
    ];

    public static TheoryData<string> ManifestFiles
    {
        get
        {
            var directory = Path.Combine(RepoRoot.Find(), "deploy", "k8s");
            return new TheoryData<string>(Manifests.YamlFilesUnder(directory).Select(p => Manifests.Relative(directory, p)));
        }
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void EveryManifestFileParsesIntoNamedResources(string file)
    {
        var manifest = Manifests.Current.Files.Single(f => f.RelativePath == file);
        Assert.True(manifest.Error is null, manifest.Error);

        // Empty documents (a trailing "---") are skipped by kubectl too.
        var documents = manifest.Documents.Where(d => d is not null).ToList();
        Assert.True(documents.Count > 0, $"{file} holds no YAML document.");
        for (var i = 0; i < documents.Count; i++)
        {
            var where = $"{file}, document {i + 1}";
            Assert.True(documents[i] is IDictionary<object, object?>, $"{where} is not a mapping.");
            Assert.False(string.IsNullOrWhiteSpace(documents[i].Str("apiVersion")), $"{where} has no apiVersion.");
            Assert.False(string.IsNullOrWhiteSpace(documents[i].Str("kind")), $"{where} has no kind.");
            if (!manifest.IsKustomization)
            {
                Assert.False(string.IsNullOrWhiteSpace(documents[i].Str("metadata", "name")), $"{where} has no metadata.name.");
            }
        }
    }

    [Fact]
    public void EveryKustomizationResourceExists()
    {
        var manifests = Manifests.Current;
        var kustomization = Hosts.Require(manifests.Kustomization, "deploy/k8s/kustomization.yaml is missing or empty.");
        Assert.Equal("Kustomization", kustomization.Str("kind"));
        Assert.NotEmpty(kustomization.Seq("resources"));
        Assert.True(
            manifests.MissingResources.Count == 0,
            "Kustomization resources that do not exist: " + string.Join(", ", manifests.MissingResources));
    }

    [Fact]
    public void EveryManifestFileIsListedInTheKustomization()
    {
        var manifests = Manifests.Current;
        var listed = manifests.ListedFiles.ToHashSet(StringComparer.Ordinal);
        var unlisted = manifests.Files
            .Where(f => !f.IsExample && !f.IsKustomization && !listed.Contains(f.FullPath))
            .Select(f => f.RelativePath)
            .ToList();
        Assert.True(unlisted.Count == 0, "YAML files that kubectl apply -k would skip: " + string.Join(", ", unlisted));
    }

    [Fact]
    public void EveryNamespacedResourceLivesInTheDubanNamespace()
    {
        var resources = Manifests.Current.Resources;
        Assert.NotEmpty(resources);
        var elsewhere = resources
            .Where(r => !ClusterScopedKinds.Contains(r.Kind) && r.Namespace != Manifests.Namespace)
            .Select(r => $"{r} in '{r.Namespace ?? "(none)"}'")
            .ToList();
        Assert.True(elsewhere.Count == 0, "Resources outside namespace duban: " + string.Join(", ", elsewhere));
        Assert.Contains(resources, r => r.Kind == "Namespace" && r.Name == Manifests.Namespace);
    }

    [Fact]
    public void KustomizationShipsNoSecretValues()
    {
        var manifests = Manifests.Current;
        var withValues = manifests.OfKind("Secret")
            .Where(s => s.Root.Map("data") is { Count: > 0 } || s.Root.Map("stringData") is { Count: > 0 })
            .Select(s => s.ToString())
            .ToList();
        Assert.True(withValues.Count == 0, "Secrets with literal values in the kustomization: " + string.Join(", ", withValues));
        Assert.False(manifests.Kustomization.Has("secretGenerator"), "kustomization.yaml generates Secrets from literals or files.");
    }
}
