using System.Text.Json;

namespace AvatarStream.StreamService.Core;

// A member's record {on}: Id is its message's id (detached from the message), echoed by an error about it.
public sealed record RecordRequest(string RoomId, string ClientId, bool On, string? Email, JsonElement? Id);
