using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Core.V2;

// Recording: a member's record goes to the room router; the recorder it sends joins as a hidden member, and while it is
// connected the room is recording, which every member is told. The router answers members from outside the room.
internal sealed partial class RoomState
{
    // An error about a member's earlier message, decided outside the room (the room router refused its record): only that
    // member gets it, if connected; it carries no seq and is not kept for a resume.
    public void Refuse(string clientId, string code, string message, JsonElement? id)
    {
        lock (_gate)
        {
            if (!_ended && !_stopped && _byClient.TryGetValue(clientId, out var member) && member.State == MemberState.Connected)
            {
                SendError(member, code, message, id);
            }
        }
    }

    // Sends a message made elsewhere (notify) to those of clientIds that are connected; how many it reached.
    public int Notify(IEnumerable<string> clientIds, ReadOnlySpan<byte> utf8Json)
    {
        var delivered = 0;
        lock (_gate)
        {
            if (_ended || _stopped)
            {
                return 0;
            }

            foreach (var clientId in clientIds)
            {
                if (_byClient.TryGetValue(clientId, out var member) && member.State == MemberState.Connected &&
                    member.Link is { } link && link.SendControl(utf8Json))
                {
                    delivered++;
                }
            }
        }

        return delivered;
    }

    private void RequestRecording(Member member, JsonElement message, JsonElement? id)
    {
        if (!message.TryGetProperty("on"u8, out var on) || on.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Offend(member, ErrorCodes.BadMessage, "record needs \"on\": true or false", id);
            return;
        }

        string? email = null;
        if (message.TryGetProperty("email"u8, out var given) && given.ValueKind != JsonValueKind.Null
            && (given.ValueKind != JsonValueKind.String || !EmailAddresses.IsPlausible(email = given.GetString())))
        {
            Offend(member, ErrorCodes.BadMessage, "record's \"email\" must be an e-mail address of at most 254 characters", id);
            return;
        }

        // The message's document is gone by the time the router answers.
        _recordRequests.Add((member.ClientId, on.GetBoolean(), email, id?.Clone()));
    }

    // Someone other than a recorder holds a place in the room (admitted, reconnecting or knocking).
    private bool HasPeople => _members.Exists(member => !member.IsRecorder && member.State != MemberState.Gone);

    // A recorder keeps no room alive: once nobody else holds a place in it, the recording is over. (Connect lets no
    // recorder into a room without people, so this never runs while a socket is being seated.)
    private void CloseRecordersIfAlone()
    {
        if (HasPeople)
        {
            return;
        }

        byte[]? ended = null;
        foreach (var member in _members)
        {
            if (member.IsRecorder && member.State != MemberState.Gone)
            {
                ended ??= EncodeRoomEnded("empty");
                member.Link?.SendControl(ended);
                CloseLink(member, WebSocketCloseStatus.NormalClosure, "room is empty", CloseReason.RoomEnded);
                Leave(member, "left", DepartureReason.Left);
            }
        }
    }

    private void AnnounceRecording()
    {
        var recording = _members.Exists(member => member.IsRecorder && member.State == MemberState.Connected);
        if (recording != _recording)
        {
            _recording = recording;
            Emit(Admitted(), RoomUpdated());
        }
    }

    private byte[] RoomUpdated()
    {
        var json = _writer.Start("room_updated");
        json.WriteBoolean("locked"u8, _locked);
        json.WriteBoolean("recording"u8, _recording);
        return _writer.OpenEvent();
    }
}
