namespace AvatarStream.ProtocolBench;

// One case on one protocol on a fresh relay process. Rates are per second of the measured window.
internal sealed record RunResult
{
    public required int Repeat { get; init; }

    public required string Case { get; init; }

    public required string Protocol { get; init; }

    public required int Clients { get; init; }

    public required int Connected { get; init; }

    public required double SentPerSecond { get; init; }

    public required double DeliveredPerSecond { get; init; }

    public required double LossPercent { get; init; }

    public required double P50Us { get; init; }

    public required double P99Us { get; init; }

    public required double P999Us { get; init; }

    public required double MaxUs { get; init; }

    public required double ServerCpuPercent { get; init; }

    // Server CPU per delivered frame: what the relay spends on one delivery, independent of how busy the driver was.
    public required double ServerCpuUsPerFrame { get; init; }

    public required double DriverCpuPercent { get; init; }

    public required long Stalls { get; init; }

    public required long Gaps { get; init; }

    public required long ControlFrames { get; init; }

    public required long ControlInWindow { get; init; }

    // Frames that broke the protocol: wrong v2 stamp, damaged payload, out of order or repeated, from another
    // room or echoed, wrong length; plus sockets that failed.
    public required long StampErrors { get; init; }

    public required long Corrupt { get; init; }

    public required long OutOfOrder { get; init; }

    public required long Foreign { get; init; }

    public required long Malformed { get; init; }

    public required long SocketErrors { get; init; }

    public required string LoadAverage { get; init; }

    public long Errors => StampErrors + Corrupt + OutOfOrder + Foreign + Malformed + SocketErrors;
}
