using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.RoomRouter.Tests.Fakes;

public sealed class FixedTokenSource(string token) : IInternalTokenSource
{
    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
