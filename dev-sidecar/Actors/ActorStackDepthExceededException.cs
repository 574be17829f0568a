namespace AvatarStream.DevSidecar.Actors;

/// <summary>A reentrant call chain went deeper than the actor type's <c>reentrancy.maxStackDepth</c>.</summary>
public sealed class ActorStackDepthExceededException : Exception
{
    public ActorStackDepthExceededException() : base("maximum stack depth exceeded") { }

    public ActorStackDepthExceededException(int maxDepth) : base($"maximum stack depth exceeded ({maxDepth})") { }

    public ActorStackDepthExceededException(string message, Exception innerException) : base(message, innerException) { }
}
