namespace AvatarStream.Recorder.Core;

// The room's mixed sound on a 48 kHz mono timeline whose zero is the start of the recording. Each member's packets
// play back to back from where the first one arrived; a packet arriving later than that schedule by more than the
// jitter bound (a pause, a late joiner) restarts the member at its arrival, and one arriving that far ahead of it
// (a burst after a stall) is dropped so the member catches up instead of drifting. Samples are summed as they are
// placed and written out, clipped to 16 bits, once the recording is past them.
internal sealed class AudioTimeline(TimeSpan jitterBound)
{
    public const int SampleRate = 48_000;

    private readonly long _jitterSamples = ToPosition(jitterBound);
    private readonly Dictionary<int, long> _nextPositions = [];
    private int[] _pending = new int[SampleRate]; // sums from Written on
    private int _pendingLength;
    private byte[] _outputBuffer = [];

    // Samples written out so far; nothing can be placed before this any more.
    public long Written { get; private set; }

    public static long ToPosition(TimeSpan time) => time.Ticks * SampleRate / TimeSpan.TicksPerSecond;

    public static TimeSpan ToTime(long position) => TimeSpan.FromTicks(position * TimeSpan.TicksPerSecond / SampleRate);

    public void Place(int member, TimeSpan arrival, ReadOnlySpan<short> samples)
    {
        var arrivalPosition = ToPosition(arrival);
        var position = arrivalPosition;
        if (_nextPositions.TryGetValue(member, out var scheduled) && arrivalPosition - scheduled <= _jitterSamples)
        {
            if (scheduled - arrivalPosition > _jitterSamples) return;
            position = scheduled;
        }
        _nextPositions[member] = position + samples.Length;

        // The part before Written is already in the file: too late for it.
        var late = (int)Math.Clamp(Written - position, 0, samples.Length);
        var offset = (int)(position + late - Written);
        var end = offset + samples.Length - late;
        if (end > _pending.Length) Array.Resize(ref _pending, Math.Max(end, _pending.Length * 2));
        for (var index = late; index < samples.Length; index++) _pending[offset + index - late] += samples[index];
        _pendingLength = Math.Max(_pendingLength, end);
    }

    public void Forget(int member) => _nextPositions.Remove(member);

    // Writes the mix from Written up to position as s16le; silence where nobody spoke.
    public void WriteUntil(long position, Stream destination)
    {
        var count = (int)Math.Min(position - Written, int.MaxValue / 2);
        if (count <= 0) return;
        if (_outputBuffer.Length < count * 2) _outputBuffer = new byte[count * 2];
        for (var index = 0; index < count; index++)
        {
            var sample = index < _pendingLength ? Math.Clamp(_pending[index], short.MinValue, short.MaxValue) : 0;
            _outputBuffer[2 * index] = (byte)sample;
            _outputBuffer[2 * index + 1] = (byte)(sample >> 8);
        }
        destination.Write(_outputBuffer, 0, count * 2);

        var kept = Math.Max(0, _pendingLength - count);
        Array.Copy(_pending, Math.Min(count, _pendingLength), _pending, 0, kept);
        Array.Clear(_pending, kept, _pending.Length - kept);
        _pendingLength = kept;
        Written += count;
    }
}
