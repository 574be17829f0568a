namespace AvatarStream.DevSidecar.State;

/// <summary>A stored value, its opaque ETag (new on every write) and when it expires.</summary>
public sealed record StateEntry(string Key, ReadOnlyMemory<byte> Value, string ETag, DateTimeOffset? ExpiresAt);
