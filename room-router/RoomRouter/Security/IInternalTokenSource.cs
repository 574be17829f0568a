namespace AvatarStream.RoomRouter.Security;

/// <summary>The bearer token of internal calls, both ways (stream instances to us, us to their <c>/register</c>).</summary>
public interface IInternalTokenSource
{
    /// <summary>The token; throws when the secret store cannot give it.</summary>
    ValueTask<string> GetAsync(CancellationToken cancellationToken);
}
