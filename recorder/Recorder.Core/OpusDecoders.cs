using Concentus;

namespace AvatarStream.Recorder.Core;

// One Opus decoder per member (decoders keep state between packets), all at 48 kHz mono like the relay's audio.
internal sealed class OpusDecoders
{
    private const int MaxPacketSamples = AudioTimeline.SampleRate * 120 / 1000; // the longest Opus packet

    private readonly Dictionary<int, IOpusDecoder> _decoders = [];
    private readonly short[] _samples = new short[MaxPacketSamples];

    // The packet's samples, valid until the next call; throws Concentus' OpusException for a damaged packet.
    public ReadOnlySpan<short> Decode(int member, ReadOnlySpan<byte> packet)
    {
        if (!_decoders.TryGetValue(member, out var decoder))
        {
            decoder = OpusCodecFactory.CreateDecoder(AudioTimeline.SampleRate, 1);
            _decoders[member] = decoder;
        }
        var count = decoder.Decode(packet, _samples, MaxPacketSamples);
        return _samples.AsSpan(0, count);
    }

    public void Forget(int member) => _decoders.Remove(member);
}
