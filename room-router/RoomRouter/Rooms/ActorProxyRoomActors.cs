using AvatarStream.Contracts;
using Dapr.Actors;
using Dapr.Actors.Client;

namespace AvatarStream.RoomRouter.Rooms;

internal sealed class ActorProxyRoomActors(IActorProxyFactory proxies) : IRoomActors
{
    public IRoomActor Get(string roomId) => new RoomActorClient(proxies.Create(new ActorId(roomId), DaprNames.RoomActor));
}
