namespace AvatarStream.DevSidecar.App;

/// <summary>How the sidecar runs one actor type, from the app's <c>/dapr/config</c> (daprd's defaults otherwise).</summary>
public sealed record ActorTypeConfig(TimeSpan IdleTimeout, bool Reentrant, int MaxStackDepth)
{
    public static readonly ActorTypeConfig Default = new(TimeSpan.FromMinutes(60), false, 32);
}
