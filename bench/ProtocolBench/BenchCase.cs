namespace AvatarStream.ProtocolBench;

// One load shape, run the same way for v1 and v2. Rate 0: each sender sends as fast as it can, at most Window
// frames ahead of its slowest receiver (a closed loop, so the relay's 256-frame queues never overflow).
internal sealed record BenchCase(string Name, int Rooms, int Size, int Senders, double Rate, int Window)
{
    public static readonly IReadOnlyList<BenchCase> All =
    [
        new("saturate-10x5", Rooms: 10, Size: 5, Senders: 5, Rate: 0, Window: 64),
        new("fanout-1to49", Rooms: 2, Size: 50, Senders: 1, Rate: 0, Window: 64),
        new("latency-100x2", Rooms: 100, Size: 2, Senders: 2, Rate: 50, Window: 0),
    ];

    public int Clients => Rooms * Size;
}
