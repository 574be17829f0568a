namespace AvatarStream.RoomRouter.Endpoints;

// What POST /evict-instance answers: RoomsMoving, the instance's rooms newly marked moving (each moves on its next join).
internal sealed record EvictionReport(string InstanceId, int RoomsMoving);
