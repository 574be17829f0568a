using System.Buffers.Binary;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// Messages that say who sent them and in which order, padded to a size.
public static class Payloads
{
    public static byte[] Make(int sender, int sequence, int size = 64)
    {
        var payload = new byte[Math.Max(size, 8)];
        BinaryPrimitives.WriteInt32LittleEndian(payload, sender);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), sequence);
        for (var i = 8; i < payload.Length; i++)
        {
            payload[i] = (byte)(sender + sequence + i);
        }

        return payload;
    }

    public static (int Sender, int Sequence) Read(byte[] payload) =>
        (BinaryPrimitives.ReadInt32LittleEndian(payload), BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4)));
}
