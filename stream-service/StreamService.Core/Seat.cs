using AvatarStream.Contracts;
using AvatarStream.StreamService.Core.V2;

namespace AvatarStream.StreamService.Core;

// A registered client's place in a room on this instance: waiting for its socket (with a claim timer) or connected.
internal sealed class Seat(Room room, string clientId, MemberProfile profile)
{
    public Room Room => room;

    public string ClientId => clientId;

    // The name tickets give this seat.
    public string Identity { get; } = SeatIdentity.Of(clientId);

    // Who the room router registered: host or guest, and the name.
    public MemberProfile Profile { get; set; } = profile;

    public RelayConnection? Connection { get; set; }

    public ITimer? ClaimTimer { get; set; }
}
