namespace AvatarStream.StreamService.Core;

/// <summary>A registered client: waiting for its socket (with a claim timer) or connected.</summary>
internal sealed class Admission(Room room, string clientId)
{
    public Room Room => room;

    public string ClientId => clientId;

    public RelayConnection? Connection { get; set; }

    public ITimer? ClaimTimer { get; set; }
}
