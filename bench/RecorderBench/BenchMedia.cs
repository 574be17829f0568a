using Concentus;
using Concentus.Enums;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.RecorderBench;

// What a member sends, made before the clock starts so only the recorder is measured.
internal static class BenchMedia
{
    // Layer-0 frames (160x120): a gradient with a square moving across it, so the encoder sees motion.
    public static byte[][] Frames(int count, int hue)
    {
        var frames = new byte[count][];
        for (var frame = 0; frame < count; frame++)
        {
            using var image = new Image<Rgb24>(160, 120);
            for (var y = 0; y < 120; y++)
            {
                for (var x = 0; x < 160; x++)
                {
                    var inSquare = Math.Abs(x - 20 - frame * 12) < 15 && Math.Abs(y - 60) < 15;
                    image[x, y] = inSquare ? new Rgb24(255, 255, 255) : new Rgb24((byte)(hue + x), (byte)(y * 2), (byte)(hue * 3 + x + y));
                }
            }
            using var output = new MemoryStream();
            image.SaveAsJpeg(output);
            frames[frame] = output.ToArray();
        }
        return frames;
    }

    // 20 ms mono Opus packets of a tone, as relay-audio.js sends them (48 kHz, 24 kb/s).
    public static byte[][] Tone(int count, double frequency)
    {
        var encoder = OpusCodecFactory.CreateEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        encoder.Bitrate = 24_000;
        var samples = new short[960];
        var buffer = new byte[1500];
        var packets = new byte[count][];
        for (var packet = 0; packet < count; packet++)
        {
            for (var index = 0; index < samples.Length; index++)
                samples[index] = (short)(6000 * Math.Sin(2 * Math.PI * frequency * (packet * 960 + index) / 48_000));
            packets[packet] = buffer[..encoder.Encode(samples, 960, buffer, buffer.Length)];
        }
        return packets;
    }
}
