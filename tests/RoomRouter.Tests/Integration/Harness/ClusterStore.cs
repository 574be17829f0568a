namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// What the sidecars of a testbed share: a store in memory, or a SQLite file that outlives a restart.
public enum ClusterStore
{
    InMemory,
    Sqlite,
}
