namespace AvatarStream.DevSidecar.State;

// A stored value, its opaque ETag (new on every write) and when it expires.
public sealed record StateEntry(string Key, ReadOnlyMemory<byte> Value, string ETag, DateTimeOffset? ExpiresAt);
