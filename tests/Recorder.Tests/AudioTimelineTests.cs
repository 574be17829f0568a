using AvatarStream.Recorder.Core;

namespace AvatarStream.Recorder.Tests;

public sealed class AudioTimelineTests
{
    private const int PacketSamples = 960; // 20 ms
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void A_late_joiners_first_packet_plays_at_its_arrival()
    {
        var timeline = new AudioTimeline(Jitter);

        timeline.Place(7, TimeSpan.FromSeconds(2.5), Constant(1000));

        var mix = WrittenUntil(timeline, TimeSpan.FromSeconds(3));
        var start = 120_000; // 2.5 s at 48 kHz
        Assert.All(mix[..start], sample => Assert.Equal(0, sample));
        Assert.All(mix[start..(start + PacketSamples)], sample => Assert.Equal(1000, sample));
        Assert.All(mix[(start + PacketSamples)..], sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void Simultaneous_packets_of_two_members_mix_at_the_same_position()
    {
        var timeline = new AudioTimeline(Jitter);

        timeline.Place(1, TimeSpan.FromSeconds(1), Constant(1000));
        timeline.Place(2, TimeSpan.FromSeconds(1), Constant(-300));

        var mix = WrittenUntil(timeline, TimeSpan.FromSeconds(2));
        Assert.All(mix[48_000..(48_000 + PacketSamples)], sample => Assert.Equal(700, sample));
        Assert.Equal(0, mix[48_000 - 1]);
        Assert.Equal(0, mix[48_000 + PacketSamples]);
    }

    [Fact]
    public void A_members_packets_play_back_to_back_despite_uneven_arrival()
    {
        var timeline = new AudioTimeline(Jitter);

        timeline.Place(1, TimeSpan.FromMilliseconds(1000), Constant(100));
        timeline.Place(1, TimeSpan.FromMilliseconds(1035), Constant(200)); // 15 ms late
        timeline.Place(1, TimeSpan.FromMilliseconds(1041), Constant(300)); // 19 ms early

        var mix = WrittenUntil(timeline, TimeSpan.FromSeconds(2));
        Assert.Equal(100, mix[48_000 + PacketSamples - 1]);
        Assert.Equal(200, mix[48_000 + PacketSamples]);
        Assert.Equal(300, mix[48_000 + 2 * PacketSamples]);
        Assert.Equal(0, mix[48_000 + 3 * PacketSamples]);
    }

    [Fact]
    public void A_pause_longer_than_the_jitter_bound_restarts_at_arrival()
    {
        var timeline = new AudioTimeline(Jitter);

        timeline.Place(1, TimeSpan.FromSeconds(1), Constant(100));
        timeline.Place(1, TimeSpan.FromSeconds(2), Constant(200));

        var mix = WrittenUntil(timeline, TimeSpan.FromSeconds(3));
        Assert.Equal(0, mix[48_000 + PacketSamples]);
        Assert.Equal(200, mix[96_000]);
        Assert.Equal(0, mix[96_000 - 1]);
    }

    [Fact]
    public void Sums_beyond_16_bits_are_clipped()
    {
        var timeline = new AudioTimeline(Jitter);

        timeline.Place(1, TimeSpan.Zero, Constant(30_000));
        timeline.Place(2, TimeSpan.Zero, Constant(30_000));
        timeline.Place(3, TimeSpan.FromMilliseconds(20), Constant(-30_000));
        timeline.Place(4, TimeSpan.FromMilliseconds(20), Constant(-30_000));

        var mix = WrittenUntil(timeline, TimeSpan.FromMilliseconds(40));
        Assert.Equal(short.MaxValue, mix[0]);
        Assert.Equal(short.MinValue, mix[PacketSamples]);
    }

    [Fact]
    public void Writing_in_steps_gives_the_same_mix_and_drops_what_comes_too_late()
    {
        var timeline = new AudioTimeline(Jitter);
        var output = new MemoryStream();

        timeline.Place(1, TimeSpan.FromMilliseconds(10), Constant(500));
        timeline.WriteUntil(480 + 100, output); // into the packet
        timeline.Place(2, TimeSpan.FromMilliseconds(10), Constant(50)); // its first 100 samples are written already
        timeline.WriteUntil(4800, output);

        var mix = Samples(output);
        Assert.Equal(4800, mix.Length);
        Assert.Equal(500, mix[480 + 99]);
        Assert.Equal(550, mix[480 + 100]);
        Assert.Equal(550, mix[480 + PacketSamples - 1]); // the rest stays where it belongs, not shifted
        Assert.Equal(0, mix[480 + PacketSamples]);
    }

    private static short[] Constant(short value) => Enumerable.Repeat(value, PacketSamples).ToArray();

    private static short[] WrittenUntil(AudioTimeline timeline, TimeSpan end)
    {
        var output = new MemoryStream();
        timeline.WriteUntil(AudioTimeline.ToPosition(end), output);
        return Samples(output);
    }

    private static short[] Samples(MemoryStream output)
    {
        var bytes = output.ToArray();
        var samples = new short[bytes.Length / 2];
        for (var index = 0; index < samples.Length; index++) samples[index] = (short)(bytes[2 * index] | bytes[2 * index + 1] << 8);
        return samples;
    }
}
