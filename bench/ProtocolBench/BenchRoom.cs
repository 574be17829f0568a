namespace AvatarStream.ProtocolBench;

internal sealed class BenchRoom(string id, WireProtocol protocol)
{
    public string Id => id;

    public WireProtocol Protocol => protocol;

    public List<Member> Members { get; } = [];
}
