namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

/// <summary>What the sidecars of a testbed share: a store in memory, or a SQLite file that outlives a restart.</summary>
public enum ClusterStore
{
    InMemory,
    Sqlite,
}
