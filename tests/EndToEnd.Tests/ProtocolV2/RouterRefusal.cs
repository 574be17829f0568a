using AvatarStream.Client;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

internal static class RouterRefusal
{
    // What a stream instance decides (remove, deny, end) reaches the room router by an internal call right after the
    // socket closes: ask join-room until it refuses, within a bound, and return the refusal.
    public static async Task<RoomRouterException> OfJoinAsync(Func<CancellationToken, Task> join)
    {
        using var deadline = new CancellationTokenSource(TestMember.Patience);
        while (true)
        {
            try
            {
                await join(deadline.Token);
            }
            catch (RoomRouterException refused)
            {
                return refused;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
