namespace AvatarStream.DevSidecar.App;

// How the sidecar runs one actor type, from the app's /dapr/config (daprd's defaults otherwise).
public sealed record ActorTypeConfig(TimeSpan IdleTimeout, bool Reentrant, int MaxStackDepth)
{
    public static readonly ActorTypeConfig Default = new(TimeSpan.FromMinutes(60), false, 32);
}
