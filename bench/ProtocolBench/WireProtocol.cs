namespace AvatarStream.ProtocolBench;

internal enum WireProtocol
{
    V1,
    V2,
}
