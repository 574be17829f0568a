namespace AvatarStream.ProtocolBench;

internal sealed class BenchRoom(string id)
{
    public string Id => id;

    public List<Member> Members { get; } = [];
}
