namespace AvatarStream.RoomRouter.Endpoints;

// What POST /evict-instance answers.
internal sealed record EvictionReport(string InstanceId, int RoomsEvicted);
