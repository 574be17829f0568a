using AvatarStream.Client;
using Concentus;
using Concentus.Enums;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.EndToEnd.Tests.Recording;

// A member's camera and microphone as the page sends them: a solid-colour 160x120 JPEG on video layer 0 ten times a
// second, and a 20 ms mono Opus packet of a tone every 20 ms. Bounded: it stops when disposed.
internal sealed class MediaSender : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _video;
    private readonly Task _audio;

    public MediaSender(RoomConnection connection, Rgb24 colour, double toneHz)
    {
        var jpeg = Jpeg(colour);
        var packets = Tone(50, toneHz);
        _video = LoopAsync(TimeSpan.FromMilliseconds(100), _ => connection.SendMediaAsync(MediaKind.Video, 0, jpeg, _stop.Token));
        _audio = LoopAsync(TimeSpan.FromMilliseconds(20), i => connection.SendMediaAsync(MediaKind.Audio, 0, packets[i % packets.Count], _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_video, _audio).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan every, Func<int, Task<bool>> send)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            for (var i = 0; await timer.WaitForNextTickAsync(_stop.Token); i++)
            {
                await send(i);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static byte[] Jpeg(Rgb24 colour)
    {
        using var image = new Image<Rgb24>(160, 120, colour);
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    private static List<byte[]> Tone(int count, double hz)
    {
        var encoder = OpusCodecFactory.CreateEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        var samples = new short[960];
        var buffer = new byte[1500];
        var packets = new List<byte[]>(count);
        for (var packet = 0; packet < count; packet++)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * hz * ((packet * samples.Length) + i) / 48_000.0));
            }

            var length = encoder.Encode(samples, samples.Length, buffer, buffer.Length);
            packets.Add(buffer[..length]);
        }

        return packets;
    }
}
