using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Core.V2;

// Control messages from members. A refusal is an error reply to the sender only; bad input never throws and
// never reaches anyone else. Too many bad messages close the sender with 1008.
internal sealed partial class RoomState
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32 };

    public void Receive(Member member, IMemberLink link, ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(utf8Json, ParseOptions);
            if (!DecodesWhole(document.RootElement))
            {
                document.Dispose();
                document = null;
            }
        }
        catch (JsonException)
        {
        }

        using (document)
        {
            lock (_gate)
            {
                if (member.Link != link || _ended || _stopped)
                {
                    return;
                }

                if (!member.Budget.TryTake())
                {
                    Offend(member, ErrorCodes.RateLimited, "too many control messages; slow down", null);
                }
                else if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root ||
                    !root.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
                {
                    Offend(member, ErrorCodes.BadMessage, "a control message is a JSON object with a string \"type\"", null);
                }
                else
                {
                    var name = type.GetString()!;
                    Handle(member, name, root, IdOf(root));

                    // Only these can change who is where or who wants what; chat and pings stay cheap.
                    _changed |= name is not ("ping" or "data" or "set_meta" or "record");
                }

                if (_changed)
                {
                    _changed = false;
                    Settle();
                }
            }
        }

        Flush();
    }

    // A text frame over the control limit: refused, the socket stays.
    public void RefuseOversized(Member member, IMemberLink link) =>
        RefuseFromSocket(member, link, ErrorCodes.TooLarge, $"control messages are at most {ProtocolLimits.MaxControlBytes} bytes");

    // A binary frame with a bad header (shorter than 2 bytes, unknown kind, layer above 2).
    public void RefuseMedia(Member member, IMemberLink link) =>
        RefuseFromSocket(member, link, ErrorCodes.BadMessage, "a media frame starts with kind (1-3) and layer (0-2)");

    private void RefuseFromSocket(Member member, IMemberLink link, string code, string message)
    {
        lock (_gate)
        {
            if (member.Link == link && !_ended && !_stopped)
            {
                Offend(member, code, message, null);
                if (_changed)
                {
                    _changed = false;
                    Settle();
                }
            }
        }

        // A recorder closed for bad messages has left.
        Flush();
    }

    private void Handle(Member member, string type, JsonElement message, JsonElement? id)
    {
        if (member.State == MemberState.Waiting && type != "ping")
        {
            SendError(member, ErrorCodes.NotAllowed, "only ping is allowed while waiting in the lobby", id);
            return;
        }

        // The recorder only receives; a client's layers_wanted is no message of the protocol, for it as for anyone.
        if (member.IsRecorder && type is not ("ping" or "subscribe" or "layers_wanted"))
        {
            SendError(member, ErrorCodes.NotAllowed, "the recorder only receives", id);
            return;
        }

        switch (type)
        {
            case "ping":
                Pong(member, message);
                break;
            case "data":
                RelayData(member, message, id);
                break;
            case "subscribe":
                Subscribe(member, message, id);
                break;
            case "set_meta":
                SetMeta(member, message, id);
                break;
            case "record":
                RequestRecording(member, message, id);
                break;
            case "lock" or "unlock" or "admit" or "deny" or "remove" or "make_host" or "end_room" when !member.IsHost:
                SendError(member, ErrorCodes.NotHost, $"only a host may {type}", id);
                break;
            case "lock":
                SetLocked(true);
                break;
            case "unlock":
                SetLocked(false);
                break;
            case "admit" or "deny" or "remove" or "make_host":
                Decide(member, type, message, id);
                break;
            case "end_room":
                EndLocked("ended_by_host");
                break;
            default:
                Offend(member, ErrorCodes.BadMessage, $"unknown message type \"{Truncate(type)}\"", id);
                break;
        }
    }

    private void Pong(Member member, JsonElement message)
    {
        var json = _writer.Start("pong");
        if (message.TryGetProperty("t"u8, out var t))
        {
            json.WritePropertyName("t"u8);
            t.WriteTo(json);
        }

        member.Link?.SendControl(_writer.Finish());
    }

    private void RelayData(Member member, JsonElement message, JsonElement? id)
    {
        if (!message.TryGetProperty("data"u8, out var data))
        {
            Offend(member, ErrorCodes.BadMessage, "data needs a \"data\" field", id);
            return;
        }

        var hasTo = message.TryGetProperty("to"u8, out var to);
        if (hasTo && (to.ValueKind != JsonValueKind.Array || !AllMemberNumbers(to)))
        {
            Offend(member, ErrorCodes.BadMessage, "\"to\" is an array of member numbers", id);
            return;
        }

        var json = _writer.Start("data");
        json.WriteNumber("from"u8, member.Number);
        json.WritePropertyName("data"u8);
        data.WriteTo(json);
        var relayed = _writer.Finish();
        if (!hasTo)
        {
            foreach (var other in _members)
            {
                // Members talk to members they see; the hidden recorder is not one of them.
                if (other != member && !other.IsRecorder && other.State == MemberState.Connected)
                {
                    other.Link?.SendControl(relayed);
                }
            }

            return;
        }

        var unknown = 0;
        var sent = new HashSet<int>();
        foreach (var number in to.EnumerateArray())
        {
            var target = MemberByNumber(number.GetInt32());
            if (target is null || !target.IsAdmitted)
            {
                unknown++;
            }
            else if (target != member && target.State == MemberState.Connected && sent.Add(target.Number))
            {
                target.Link?.SendControl(relayed);
            }
        }

        if (unknown > 0)
        {
            SendError(member, ErrorCodes.UnknownMember, $"{unknown} addressee(s) are not members; the rest got the message", id);
        }
    }

    private void Subscribe(Member member, JsonElement message, JsonElement? id)
    {
        if (message.TryGetProperty("all"u8, out var all) && all.ValueKind == JsonValueKind.True)
        {
            var layer = 0;
            if (message.TryGetProperty("layer"u8, out var layerField) && !TryReadLayer(layerField, out layer))
            {
                Offend(member, ErrorCodes.BadMessage, "\"layer\" is 0, 1 or 2", id);
                return;
            }

            member.Subscription = Subscription.ToEveryone(layer);
            return;
        }

        if (!message.TryGetProperty("feeds"u8, out var feeds) || feeds.ValueKind != JsonValueKind.Array)
        {
            Offend(member, ErrorCodes.BadMessage, "subscribe needs \"feeds\": [{member, layer}] or \"all\": true", id);
            return;
        }

        if (feeds.GetArrayLength() > ProtocolLimits.MaxFeeds)
        {
            SendError(member, ErrorCodes.TooManyFeeds, $"at most {ProtocolLimits.MaxFeeds} feeds", id);
            return;
        }

        var chosen = new Dictionary<int, int>();
        foreach (var feed in feeds.EnumerateArray())
        {
            if (feed.ValueKind != JsonValueKind.Object || !feed.TryGetProperty("member"u8, out var number) ||
                !TryReadMemberNumber(number, out var publisher) ||
                !feed.TryGetProperty("layer"u8, out var layerField) || !TryReadLayer(layerField, out var layer))
            {
                Offend(member, ErrorCodes.BadMessage, "each feed is {member, layer} with layer 0, 1 or 2", id);
                return;
            }

            // Unknown members are ignored, not kept for whoever gets that number later.
            if (publisher != member.Number && MemberByNumber(publisher) is not null)
            {
                chosen[publisher] = layer;
            }
        }

        member.Subscription = Subscription.ToFeeds(chosen);
    }

    private void SetMeta(Member member, JsonElement message, JsonElement? id)
    {
        if (!message.TryGetProperty("meta"u8, out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            Offend(member, ErrorCodes.BadMessage, "set_meta needs \"meta\": a JSON object", id);
            return;
        }

        var raw = JsonMarshal.GetRawUtf8Value(meta);
        if (raw.Length > ProtocolLimits.MaxMetaBytes)
        {
            Offend(member, ErrorCodes.TooLarge, $"meta is at most {ProtocolLimits.MaxMetaBytes} bytes", id);
            return;
        }

        member.Meta = raw.ToArray();
        Emit(Others(member), MetaChanged(member));
    }

    // admit, deny, remove, make_host: a host's decision about one member.
    private void Decide(Member host, string type, JsonElement message, JsonElement? id)
    {
        if (!message.TryGetProperty("member"u8, out var number) || !TryReadMemberNumber(number, out var targetNumber))
        {
            Offend(host, ErrorCodes.BadMessage, $"{type} needs \"member\": a member number", id);
            return;
        }

        var target = MemberByNumber(targetNumber);
        if (type == "remove" && target == host)
        {
            SendError(host, ErrorCodes.NotAllowed, "a host cannot remove itself; close the socket to leave", id);
            return;
        }

        var waiting = target?.State == MemberState.Waiting;
        var expected = type is "admit" or "deny" ? waiting : target?.IsAdmitted == true;
        if (target is null || !expected)
        {
            SendError(host, ErrorCodes.UnknownMember, type is "admit" or "deny" ? "no such member waiting in the lobby" : "no such member in the room", id);
            return;
        }

        switch (type)
        {
            case "admit":
                AdmitWaiting(target);
                break;
            case "deny":
                Deny(target);
                break;
            case "remove":
                Remove(target);
                break;
            case "make_host" when !target.IsHost:
                MakeHost(target);
                break;
        }
    }

    // A refusal that counts toward the bad-message limit; past it the member is closed with 1008.
    private void Offend(Member member, string code, string message, JsonElement? id)
    {
        SendError(member, code, message, id);
        if (!member.Offences.TryTake())
        {
            var link = member.Link;
            member.Link = null;
            link?.Close(WebSocketCloseStatus.PolicyViolation, "too many bad messages", CloseReason.BadMessages);
            if (member.State != MemberState.Gone)
            {
                StartGrace(member);
            }

            _changed = true;
        }
    }

    // A lone surrogate escaped in a string or a name ("\ud800") parses, but reading, looking up or copying it throws:
    // such a message is refused whole, before any of it is handled.
    private static bool DecodesWhole(JsonElement element)
    {
        try
        {
            Decode(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static void Decode(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Decode(item);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        Decode(property.Value);
                    }

                    break;
            }
        }
    }

    // The hidden recorder is nobody a member can name.
    private Member? MemberByNumber(int number) =>
        number >= 1 && number <= _members.Count && !_members[number - 1].IsRecorder ? _members[number - 1] : null;

    private static JsonElement? IdOf(JsonElement message) =>
        message.TryGetProperty("id"u8, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id : null;

    private static bool AllMemberNumbers(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (!TryReadMemberNumber(item, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadMemberNumber(JsonElement value, out int number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out number) && number is >= 1 and <= ProtocolLimits.MaxMemberNumber;
    }

    private static bool TryReadLayer(JsonElement value, out int layer)
    {
        layer = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out layer) && layer is >= 0 and <= ProtocolLimits.HighestLayer;
    }

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32];
}
