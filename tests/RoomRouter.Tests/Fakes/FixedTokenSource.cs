using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.RoomRouter.Tests.Fakes;

public sealed class FixedTokenSource(string token) : IInternalTokenSource
{
    public ValueTask<InternalTokens> GetAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(new InternalTokens(token));
}
