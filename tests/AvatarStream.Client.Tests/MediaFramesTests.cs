namespace AvatarStream.Client.Tests;

public sealed class MediaFramesTests
{
    [Fact]
    public void Outgoing_frame_is_kind_layer_payload()
    {
        var frame = MediaFrames.EncodeOutgoing(MediaKind.Video, 2, [0xFF, 0xD8, 0x01]);

        Assert.Equal(new byte[] { 1, 2, 0xFF, 0xD8, 0x01 }, frame);
        Assert.True(MediaFrames.TryDecodeOutgoing(frame, out var kind, out var layer, out var payload));
        Assert.Equal((MediaKind.Video, (byte)2), (kind, layer));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0x01 }, payload.ToArray());
    }

    [Fact]
    public void Incoming_frame_carries_the_sender_big_endian()
    {
        var frame = MediaFrames.EncodeIncoming(MediaKind.Audio, 0, 0x0102, [9, 8]);

        Assert.Equal(new byte[] { 2, 0, 0x01, 0x02, 9, 8 }, frame);
        Assert.True(MediaFrames.TryDecodeIncoming(frame, out var media));
        Assert.Equal((MediaKind.Audio, (byte)0, (ushort)258), (media.Kind, media.Layer, media.Sender));
        Assert.Equal(new byte[] { 9, 8 }, media.Payload.ToArray());
    }

    [Fact]
    public void Header_alone_is_a_frame_with_an_empty_payload()
    {
        Assert.True(MediaFrames.TryDecodeIncoming(new byte[] { 3, 0, 0xFF, 0xFF }, out var media));
        Assert.Equal((MediaKind.Other, (ushort)65535, 0), (media.Kind, media.Sender, media.Payload.Length));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 1 })]
    [InlineData(new byte[] { 4, 0, 0, 1 })]
    [InlineData(new byte[] { 1, 3, 0, 1 })]
    public void Short_or_out_of_range_incoming_frame_is_refused(byte[] frame) =>
        Assert.False(MediaFrames.TryDecodeIncoming(frame, out _));

    [Theory]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 0, 0 })]
    [InlineData(new byte[] { 2, 3 })]
    public void Short_or_out_of_range_outgoing_frame_is_refused(byte[] frame) =>
        Assert.False(MediaFrames.TryDecodeOutgoing(frame, out _, out _, out _));

    [Fact]
    public void Encoding_an_out_of_range_header_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaFrames.EncodeOutgoing((MediaKind)0, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaFrames.EncodeOutgoing(MediaKind.Video, 3, []));
    }
}
