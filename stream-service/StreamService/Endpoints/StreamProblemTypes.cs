using AvatarStream.ServiceDefaults;

namespace AvatarStream.StreamService.Endpoints;

// Problem types a stream instance answers before a WebSocket upgrade, besides the shared ones.
public static class StreamProblemTypes
{
    public const string Barred = ProblemTypes.Base + "barred";
    public const string RoomEnded = ProblemTypes.Base + "room-ended";
    public const string ProtocolMismatch = ProblemTypes.Base + "protocol-mismatch";
    public const string LobbyNeedsV2 = ProblemTypes.Base + "lobby-needs-v2";
}
