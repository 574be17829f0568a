using System.Buffers.Binary;

namespace AvatarStream.Client;

// The binary frame headers. Client to server: [kind u8][layer u8][payload].
// Server to client: [kind u8][layer u8][sender u16 big-endian][payload].
public static class MediaFrames
{
    public const int OutgoingHeaderSize = 2;
    public const int IncomingHeaderSize = 4;
    public const byte MaxLayer = 2;

    public static byte[] EncodeOutgoing(MediaKind kind, byte layer, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[OutgoingHeaderSize + payload.Length];
        WriteOutgoingHeader(frame, kind, layer);
        payload.CopyTo(frame.AsSpan(OutgoingHeaderSize));
        return frame;
    }

    public static void WriteOutgoingHeader(Span<byte> destination, MediaKind kind, byte layer)
    {
        Check(kind, layer);
        destination[0] = (byte)kind;
        destination[1] = layer;
    }

    // False for a frame shorter than its header or with a kind or layer out of range.
    public static bool TryDecodeOutgoing(ReadOnlyMemory<byte> frame, out MediaKind kind, out byte layer, out ReadOnlyMemory<byte> payload)
    {
        kind = default;
        layer = 0;
        payload = default;
        var span = frame.Span;
        if (span.Length < OutgoingHeaderSize || !IsValid(span[0], span[1]))
        {
            return false;
        }

        kind = (MediaKind)span[0];
        layer = span[1];
        payload = frame[OutgoingHeaderSize..];
        return true;
    }

    // What a server sends; used by fakes and tests.
    public static byte[] EncodeIncoming(MediaKind kind, byte layer, ushort sender, ReadOnlySpan<byte> payload)
    {
        Check(kind, layer);
        var frame = new byte[IncomingHeaderSize + payload.Length];
        frame[0] = (byte)kind;
        frame[1] = layer;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), sender);
        payload.CopyTo(frame.AsSpan(IncomingHeaderSize));
        return frame;
    }

    // The payload is a slice of frame, not a copy. False for a frame shorter than its header or out of range.
    public static bool TryDecodeIncoming(ReadOnlyMemory<byte> frame, out MediaFrame media)
    {
        media = default;
        var span = frame.Span;
        if (span.Length < IncomingHeaderSize || !IsValid(span[0], span[1]))
        {
            return false;
        }

        media = new MediaFrame((MediaKind)span[0], span[1], BinaryPrimitives.ReadUInt16BigEndian(span[2..]), frame[IncomingHeaderSize..]);
        return true;
    }

    private static bool IsValid(byte kind, byte layer) =>
        kind is >= (byte)MediaKind.Video and <= (byte)MediaKind.Other && layer <= MaxLayer;

    private static void Check(MediaKind kind, byte layer)
    {
        if (!IsValid((byte)kind, layer))
        {
            throw new ArgumentOutOfRangeException(kind is < MediaKind.Video or > MediaKind.Other ? nameof(kind) : nameof(layer));
        }
    }
}
