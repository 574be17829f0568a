using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// A member's socket as RoomState sees it: records every control message (as parsed JSON), media and close.
internal sealed class FakeMemberLink : IMemberLink
{
    private readonly List<JsonElement> _history = [];
    private readonly List<(RelayMessage Message, MessageClass MessageClass)> _media = [];
    private readonly List<(WebSocketCloseStatus Status, string Description, CloseReason Reason)> _closes = [];
    private int _clearedAt;

    public FakeMemberLink(string label) => Label = label;

    public string Label { get; }

    // The control messages since the last Clear, in order.
    public IReadOnlyList<JsonElement> Control => _history[_clearedAt..];

    // Every control message this socket was sent, Clear or not.
    public IReadOnlyList<JsonElement> History => _history;

    public IReadOnlyList<(RelayMessage Message, MessageClass MessageClass)> Media => _media;

    public IReadOnlyList<(WebSocketCloseStatus Status, string Description, CloseReason Reason)> Closes => _closes;

    public bool IsClosed => _closes.Count > 0;

    // The close code of the one close, failing when there were none or several.
    public int CloseCode => (int)Assert.Single(_closes).Status;

    public bool SendControl(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        _history.Add(document.RootElement.Clone());
        return true;
    }

    public EnqueueResult SendMedia(RelayMessage message, MessageClass messageClass)
    {
        _media.Add((message, messageClass));
        return EnqueueResult.Queued;
    }

    public void Close(WebSocketCloseStatus status, string description, CloseReason reason) => _closes.Add((status, description, reason));

    public IReadOnlyList<string> Types => [.. Control.Select(TypeOf)];

    public IReadOnlyList<JsonElement> OfType(string type) => [.. Control.Where(message => TypeOf(message) == type)];

    public JsonElement Single(string type) => Assert.Single(OfType(type));

    public JsonElement Last(string type) => OfType(type)[^1];

    public bool Received(string type) => OfType(type).Count > 0;

    // The control messages that carry a seq (room and presence events), in order.
    public IReadOnlyList<JsonElement> Events => [.. Control.Where(message => message.TryGetProperty("seq", out _) && TypeOf(message) is not ("welcome" or "resumed"))];

    public IReadOnlyList<long> EventSeqs => [.. Events.Select(message => message.GetProperty("seq").GetInt64())];

    // Forgets what was sent so far, for the assertions that follow (History keeps it).
    public void Clear() => _clearedAt = _history.Count;

    public override string ToString() => $"{Label}: {string.Join(", ", Types)}";

    public static string TypeOf(JsonElement message) => message.GetProperty("type").GetString()!;

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
