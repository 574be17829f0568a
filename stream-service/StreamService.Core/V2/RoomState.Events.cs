using System.Text.Json;

namespace AvatarStream.StreamService.Core.V2;

// The server messages. Events (presence and room changes) carry each receiver's own seq and are kept for its
// resume; a receiver that is reconnecting still counts and keeps them.
internal sealed partial class RoomState
{
    private static readonly JsonEncodedText Connected = JsonEncodedText.Encode("connected");
    private static readonly JsonEncodedText Reconnecting = JsonEncodedText.Encode("reconnecting");

    private static void Emit(List<Member> receivers, byte[] openEvent)
    {
        foreach (var receiver in receivers)
        {
            var seq = ++receiver.Seq;
            var message = MessageWriter.WithSeq(openEvent, seq);
            receiver.Events.Add(seq, message);
            if (receiver.State == MemberState.Connected)
            {
                receiver.Link?.SendControl(message);
            }
        }
    }

    private byte[] MemberJoined(Member member)
    {
        var json = _writer.Start("member_joined");
        WriteMemberFields(json, member);
        return _writer.OpenEvent();
    }

    private byte[] StateChanged(Member member)
    {
        var json = _writer.Start("member_updated");
        json.WriteNumber("member"u8, member.Number);
        json.WriteString("state"u8, StateOf(member));
        return _writer.OpenEvent();
    }

    private byte[] MetaChanged(Member member)
    {
        var json = _writer.Start("member_updated");
        json.WriteNumber("member"u8, member.Number);
        json.WritePropertyName("meta"u8);
        json.WriteRawValue(member.Meta, skipInputValidation: true);
        return _writer.OpenEvent();
    }

    private byte[] RoleChanged(Member member)
    {
        var json = _writer.Start("member_updated");
        json.WriteNumber("member"u8, member.Number);
        json.WriteString("role"u8, member.Role);
        return _writer.OpenEvent();
    }

    private byte[] MemberLeft(Member member, string reason)
    {
        var json = _writer.Start("member_left");
        json.WriteNumber("member"u8, member.Number);
        json.WriteString("reason"u8, reason);
        return _writer.OpenEvent();
    }

    private byte[] KnockEvent(string type, Member member)
    {
        var json = _writer.Start(type);
        json.WriteNumber("member"u8, member.Number);
        json.WriteString("name"u8, member.Name);
        return _writer.OpenEvent();
    }

    private byte[] EncodeRoomEnded(string reason)
    {
        var json = _writer.Start("room_ended");
        json.WriteString("reason"u8, reason);
        return _writer.Finish().ToArray();
    }

    // A fresh snapshot: a new session and secret, and the default subscription (the client starts over, and the
    // welcome does not show an earlier subscription); the seq counter goes on from where it was.
    private void SendWelcome(Member member)
    {
        member.Subscription = Subscription.Default;
        member.Session = NewSecret();
        member.Secret = NewSecret();
        var json = _writer.Start("welcome");
        json.WriteNumber("protocol"u8, 2);
        json.WriteStartObject("room"u8);
        json.WriteString("id"u8, _roomId);
        json.WriteBoolean("locked"u8, _locked);
        json.WriteBoolean("host_present"u8, HostPresent);
        if (_setup.JoinClosesAt is { } closesAt)
        {
            json.WriteString("join_closes_at"u8, closesAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("join_closes_at"u8);
        }

        json.WriteBoolean("recording"u8, _recording);
        json.WriteEndObject();
        json.WriteStartObject("you"u8);
        json.WriteNumber("member"u8, member.Number);
        json.WriteString("role"u8, member.Role);
        json.WriteString("name"u8, member.Name);
        json.WriteEndObject();
        json.WriteStartArray("members"u8);
        foreach (var other in _members)
        {
            if (other.IsAdmitted && !other.IsRecorder)
            {
                json.WriteStartObject();
                WriteMemberFields(json, other);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        if (member.IsHost)
        {
            json.WriteStartArray("knocks"u8);
            foreach (var waiting in _members)
            {
                if (waiting.State == MemberState.Waiting)
                {
                    json.WriteStartObject();
                    json.WriteNumber("member"u8, waiting.Number);
                    json.WriteString("name"u8, waiting.Name);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
        }

        json.WriteNumber("seq"u8, member.Seq);
        json.WriteString("session"u8, member.Session);
        WriteResume(json, member);
        member.Link?.SendControl(_writer.Finish());
    }

    private void SendResumed(Member member, List<byte[]> missed)
    {
        var json = _writer.Start("resumed");
        json.WriteBoolean("recovered"u8, true);
        json.WriteNumber("seq"u8, member.Seq);
        json.WriteStartArray("missed"u8);
        foreach (var message in missed)
        {
            json.WriteRawValue(message, skipInputValidation: true);
        }

        json.WriteEndArray();
        WriteResume(json, member);
        member.Link?.SendControl(_writer.Finish());
    }

    private void WriteResume(Utf8JsonWriter json, Member member)
    {
        json.WriteStartObject("resume"u8);
        json.WriteString("secret"u8, member.Secret);
        json.WriteNumber("grace_seconds"u8, member.IsRecorder ? 0 : (int)_options.ResumeGrace.TotalSeconds);
        json.WriteEndObject();
    }

    private static void WriteMemberFields(Utf8JsonWriter json, Member member)
    {
        json.WriteNumber("member"u8, member.Number);
        json.WriteString("name"u8, member.Name);
        json.WriteString("role"u8, member.Role);
        json.WriteString("state"u8, StateOf(member));
        json.WritePropertyName("meta"u8);
        json.WriteRawValue(member.Meta, skipInputValidation: true);
    }

    private static JsonEncodedText StateOf(Member member) => member.State == MemberState.Connected ? Connected : Reconnecting;

    private void SendLayersWanted(Member member, int layers)
    {
        var json = _writer.Start("layers_wanted");
        json.WriteStartArray("layers"u8);
        for (var layer = 0; layer <= ProtocolLimits.HighestLayer; layer++)
        {
            if ((layers & (1 << layer)) != 0)
            {
                json.WriteNumberValue(layer);
            }
        }

        json.WriteEndArray();
        member.Link?.SendControl(_writer.Finish());
    }

    private void SendError(Member member, string code, string message, JsonElement? id)
    {
        _metrics.ControlRefused(code);
        var json = _writer.Start("error");
        json.WriteString("code"u8, code);
        json.WriteString("message"u8, message);
        if (id is { } value)
        {
            json.WritePropertyName("id"u8);
            value.WriteTo(json);
        }

        member.Link?.SendControl(_writer.Finish());
    }
}
