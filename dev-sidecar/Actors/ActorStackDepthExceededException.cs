namespace AvatarStream.DevSidecar.Actors;

// A reentrant call chain went deeper than the actor type's reentrancy.maxStackDepth.
public sealed class ActorStackDepthExceededException : Exception
{
    public ActorStackDepthExceededException() : base("maximum stack depth exceeded") { }

    public ActorStackDepthExceededException(int maxDepth) : base($"maximum stack depth exceeded ({maxDepth})") { }

    public ActorStackDepthExceededException(string message, Exception innerException) : base(message, innerException) { }
}
