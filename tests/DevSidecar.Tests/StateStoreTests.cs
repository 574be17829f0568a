using System.Text;
using AvatarStream.DevSidecar.State;
using AvatarStream.DevSidecar.Tests.Infrastructure;

namespace AvatarStream.DevSidecar.Tests;

// The IStateStore contract itself, on both stores, without a sidecar in front.
public sealed class StateStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory, BothStores]
    public async Task ListReturnsExactlyTheKeysWithThePrefix(StoreKind kind)
    {
        await using var harness = SidecarHarness.Create(kind);
        var store = harness.Cluster.Store;
        string[] keys = ["a||1", "a||2", "a||\U0010FFFF", "a|", "a||é", "b||1", "a", "a|||x"];
        await store.ApplyAsync(keys.Select(k => StateWrite.Upsert(k, Bytes(k))).ToArray(), None);

        var listed = (await store.ListAsync("a||", None)).Select(e => e.Key).Order(StringComparer.Ordinal);

        Assert.Equal(["a||1", "a||2", "a|||x", "a||é", "a||\U0010FFFF"], listed);
    }

    [Theory, BothStores]
    public async Task EmptyValueRoundTrips(StoreKind kind)
    {
        await using var harness = SidecarHarness.Create(kind);
        await harness.Cluster.Store.ApplyAsync([StateWrite.Upsert("k", ReadOnlyMemory<byte>.Empty)], None);

        var entry = await harness.Cluster.Store.GetAsync("k", None);

        Assert.NotNull(entry);
        Assert.Equal(0, entry.Value.Length);
    }

    [Theory, BothStores]
    public async Task ApplyChecksEveryConditionBeforeWritingAny(StoreKind kind)
    {
        await using var harness = SidecarHarness.Create(kind);
        var store = harness.Cluster.Store;
        await store.ApplyAsync([StateWrite.Upsert("existing", Bytes("0"))], None);

        await Assert.ThrowsAsync<ETagMismatchException>(() => store.ApplyAsync(
        [
            StateWrite.Upsert("fresh", Bytes("1")),
            StateWrite.Upsert("existing", Bytes("1"), firstWrite: true),
        ], None));

        Assert.Null(await store.GetAsync("fresh", None));
        Assert.Equal("0", Encoding.UTF8.GetString((await store.GetAsync("existing", None))!.Value.Span));
    }

    [Theory, BothStores]
    public async Task GetManyKeepsTheOrderOfTheKeys(StoreKind kind)
    {
        await using var harness = SidecarHarness.Create(kind);
        var store = harness.Cluster.Store;
        await store.ApplyAsync([StateWrite.Upsert("x", Bytes("X")), StateWrite.Upsert("y", Bytes("Y"))], None);

        var entries = await store.GetManyAsync(["y", "missing", "x"], None);

        Assert.Equal(["y", null, "x"], entries.Select(e => e?.Key));
    }

    [Fact]
    public async Task SqliteClusterCreatesItsFolderAndUsesWal()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("nested", "deeper", "state.db");

        await using (var cluster = Hosting.SidecarCluster.Sqlite(path))
        {
            await cluster.Store.ApplyAsync([StateWrite.Upsert("k", Bytes("v"))], None);
        }

        Assert.True(File.Exists(path));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
