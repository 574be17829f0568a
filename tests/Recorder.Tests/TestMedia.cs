using Concentus;
using Concentus.Enums;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.Recorder.Tests;

// Media as members send it: JPEG frames and 20 ms mono Opus packets at 48 kHz (as relay-audio.js encodes them).
internal static class TestMedia
{
    public const int PacketSamples = 960;

    public static byte[] SolidJpeg(Rgb24 colour, int width = 160, int height = 120)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    // count packets of a continuous sine tone.
    public static List<byte[]> SineOpus(int count, double frequency)
    {
        var encoder = OpusCodecFactory.CreateEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        encoder.Bitrate = 24_000;
        var samples = new short[PacketSamples];
        var buffer = new byte[1500];
        var packets = new List<byte[]>(count);
        for (var packet = 0; packet < count; packet++)
        {
            for (var index = 0; index < PacketSamples; index++)
            {
                var time = (packet * PacketSamples + index) / 48_000.0;
                samples[index] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * time));
            }
            var length = encoder.Encode(samples, PacketSamples, buffer, buffer.Length);
            packets.Add(buffer[..length]);
        }
        return packets;
    }
}
