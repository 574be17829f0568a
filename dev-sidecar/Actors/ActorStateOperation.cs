namespace AvatarStream.DevSidecar.Actors;

// One operation of an actor state transaction: an upsert (raw JSON value, optional TTL) or a delete (no value).
public sealed record ActorStateOperation(string Key, ReadOnlyMemory<byte>? Value, string? ETag = null, TimeSpan? Ttl = null);
