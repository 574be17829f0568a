using System.Buffers.Binary;

namespace AvatarStream.ProtocolBench;

// The payload both protocols carry: [send time i64][seq i64][sender i32][pattern of the sender to the end].
// v2 puts [kind 1][layer 0] in front when sending; the relay turns that into [1][0][member u16 BE].
internal static class FrameFormat
{
    public const int HeaderBytes = 20;
    public const string V2SubProtocol = "avatar-stream.v2";

    // The bytes after the header, different for every sender, so a mixed-up or damaged payload shows.
    public static byte[] Pattern(int sender, int payloadBytes)
    {
        var payload = new byte[payloadBytes];
        for (var i = HeaderBytes; i < payload.Length; i++)
        {
            payload[i] = (byte)((i * 7) + (sender * 13));
        }

        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(16), sender);
        return payload;
    }

    public static void Stamp(Span<byte> payload, long sentAt, long seq)
    {
        BinaryPrimitives.WriteInt64LittleEndian(payload, sentAt);
        BinaryPrimitives.WriteInt64LittleEndian(payload[8..], seq);
    }

    public static long SentAt(ReadOnlySpan<byte> payload) => BinaryPrimitives.ReadInt64LittleEndian(payload);

    public static long Seq(ReadOnlySpan<byte> payload) => BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);

    public static int Sender(ReadOnlySpan<byte> payload) => BinaryPrimitives.ReadInt32LittleEndian(payload[16..]);

    public static bool PatternIntact(ReadOnlySpan<byte> payload, byte[] pattern) =>
        payload[HeaderBytes..].SequenceEqual(pattern.AsSpan(HeaderBytes));
}
