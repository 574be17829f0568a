namespace AvatarStream.ProtocolBench;

// What every member of one run shares: all members by id, and the schedule once the senders are about to start.
internal sealed class RunContext
{
    private RunClock? _clock;

    public List<Member> All { get; } = [];

    public RunClock? Clock
    {
        get => Volatile.Read(ref _clock);
        set => Volatile.Write(ref _clock, value);
    }
}
