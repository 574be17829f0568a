namespace AvatarStream.StreamService.Core;

// A registered client's place in a room on this instance: waiting for its socket (with a claim timer) or connected.
internal sealed class Seat(Room room, string clientId)
{
    public Room Room => room;

    public string ClientId => clientId;

    public RelayConnection? Connection { get; set; }

    public ITimer? ClaimTimer { get; set; }
}
