using AvatarStream.DevSidecar.Tests.Infrastructure;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

public sealed class SecretTests
{
    private const string SecretsJson = """
        {
          "plain": "p",
          "db": { "password": "pw", "port": 5432, "hosts": ["h1", "h2"] },
          "flag": true
        }
        """;

    [Fact]
    public async Task NestedSecretsAreFlattenedWithTheSeparator()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string>());

        Assert.Equal(new Dictionary<string, string> { ["plain"] = "p" }, await app.Client.GetSecretAsync("secrets", "plain"));
        Assert.Equal(new Dictionary<string, string> { ["db:password"] = "pw" }, await app.Client.GetSecretAsync("secrets", "db:password"));
        Assert.Equal("5432", (await app.Client.GetSecretAsync("secrets", "db:port"))["db:port"]);
        Assert.Equal("h2", (await app.Client.GetSecretAsync("secrets", "db:hosts:1"))["db:hosts:1"]);
        Assert.Equal("true", (await app.Client.GetSecretAsync("secrets", "flag"))["flag"]);
    }

    [Fact]
    public async Task NestedSeparatorIsConfigurable()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string> { ["nestedSeparator"] = "." });

        Assert.Equal("pw", (await app.Client.GetSecretAsync("secrets", "db.password"))["db.password"]);
    }

    [Fact]
    public async Task MultiValuedTurnsEachTopLevelObjectIntoOneSecret()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string> { ["multiValued"] = "true" });

        var db = await app.Client.GetSecretAsync("secrets", "db");

        Assert.Equal(
            new Dictionary<string, string> { ["password"] = "pw", ["port"] = "5432", ["hosts:0"] = "h1", ["hosts:1"] = "h2" },
            db);
        Assert.Equal("p", (await app.Client.GetSecretAsync("secrets", "plain"))["plain"]);
    }

    [Fact]
    public async Task BulkSecretReturnsEverySecret()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string>());

        var all = await app.Client.GetBulkSecretAsync("secrets");

        Assert.Equal(["db:hosts:0", "db:hosts:1", "db:password", "db:port", "flag", "plain"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("pw", all["db:password"]["db:password"]);
    }

    [Fact]
    public async Task MissingSecretIsInternal()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string>());

        var error = await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.GetSecretAsync("secrets", "nope"));

        Assert.Contains("secret nope not found", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSecretStoreIsInvalidArgumentAndNoStoresIsFailedPrecondition()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var bare = await harness.StartAsync("bare");
        await DaprAssert.FailsWith(StatusCode.FailedPrecondition, () => bare.Client.GetSecretAsync("secrets", "plain"));

        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string>());
        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client.GetSecretAsync("other", "plain"));
    }

    [Fact]
    public async Task UnreadableSecretsFileIsInternalNotACrash()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await StartWithFileStoreAsync(harness, new Dictionary<string, string>());
        File.WriteAllText(harness.Folder.Combine("secrets.json"), "{ not json");

        await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.GetSecretAsync("secrets", "plain"));
        await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.GetBulkSecretAsync("secrets"));
    }

    [Fact]
    public async Task RelativeSecretsFileResolvesAgainstTheWorkingDirectory()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var file = harness.Folder.Write("secrets.json", SecretsJson);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        harness.AddComponent("secrets.yaml", ComponentYaml.Of("secrets", "secretstores.local.file",
            new Dictionary<string, string> { ["secretsFile"] = relative }));
        var app = await harness.StartAsync("app1");

        Assert.Equal("p", (await app.Client.GetSecretAsync("secrets", "plain"))["plain"]);
    }

    internal static async Task<TestSidecar> StartWithFileStoreAsync(SidecarHarness harness, Dictionary<string, string> metadata)
    {
        metadata["secretsFile"] = harness.Folder.Write("secrets.json", SecretsJson);
        harness.AddComponent("secrets.yaml", ComponentYaml.Of("secrets", "secretstores.local.file", metadata));
        return await harness.StartAsync("app-" + Guid.NewGuid().ToString("N")[..8]);
    }
}
