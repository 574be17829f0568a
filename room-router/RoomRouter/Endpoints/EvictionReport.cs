namespace AvatarStream.RoomRouter.Endpoints;

/// <summary>What <c>POST /evict-instance</c> answers.</summary>
internal sealed record EvictionReport(string InstanceId, int RoomsEvicted);
