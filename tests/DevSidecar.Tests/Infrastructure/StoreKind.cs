namespace AvatarStream.DevSidecar.Tests.Infrastructure;

/// <summary>Which store backs a test cluster; state tests run on both.</summary>
public enum StoreKind
{
    InMemory,
    Sqlite,
}
