using System.Numerics;

namespace AvatarStream.ProtocolBench;

// Log-linear histogram of nanoseconds: exact below 64, then 32 buckets per power of two (under 1.6% error).
// One per receive loop, merged after the run; the maximum is exact.
internal sealed class LatencyHistogram
{
    private const int Linear = 64;
    private const int PerOctave = 32;

    private readonly long[] _counts = new long[Linear + (64 * PerOctave)];

    public long Count { get; private set; }

    public long Max { get; private set; }

    public void Record(long nanoseconds)
    {
        var value = Math.Max(0, nanoseconds);
        _counts[IndexOf(value)]++;
        Count++;
        Max = Math.Max(Max, value);
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    public double PercentileMicroseconds(double percentile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(percentile * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(ValueOf(i), Max) / 1000.0;
            }
        }

        return Max / 1000.0;
    }

    private static int IndexOf(long value)
    {
        if (value < Linear)
        {
            return (int)value;
        }

        var shift = BitOperations.Log2((ulong)value) - 5;
        return Linear + ((shift - 1) * PerOctave) + (int)(value >> shift) - PerOctave;
    }

    // The middle of a bucket.
    private static long ValueOf(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = ((index - Linear) / PerOctave) + 1;
        var mantissa = ((index - Linear) % PerOctave) + PerOctave;
        return (mantissa << shift) + ((1L << shift) / 2);
    }
}
