namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// Which store backs a test cluster; state tests run on both.
public enum StoreKind
{
    InMemory,
    Sqlite,
}
