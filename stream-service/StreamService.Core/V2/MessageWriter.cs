using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace AvatarStream.StreamService.Core.V2;

// Writes server messages into one reused buffer (the room uses it under its lock). An event is written once
// without its closing brace, then completed per receiver with that receiver's seq.
internal sealed class MessageWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    public MessageWriter() => _json = new Utf8JsonWriter(_buffer);

    // Starts {"type": type; the caller writes the fields, then Finish or OpenEvent.
    public Utf8JsonWriter Start(string type)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("type"u8, type);
        return _json;
    }

    public ReadOnlySpan<byte> Finish()
    {
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    // The message so far, still open, for WithSeq.
    public byte[] OpenEvent()
    {
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public static byte[] WithSeq(byte[] openEvent, long seq)
    {
        Span<byte> digits = stackalloc byte[20];
        seq.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        var tail = ",\"seq\":"u8;
        var message = new byte[openEvent.Length + tail.Length + length + 1];
        openEvent.CopyTo(message, 0);
        tail.CopyTo(message.AsSpan(openEvent.Length));
        digits[..length].CopyTo(message.AsSpan(openEvent.Length + tail.Length));
        message[^1] = (byte)'}';
        return message;
    }
}
