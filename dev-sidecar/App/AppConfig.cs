namespace AvatarStream.DevSidecar.App;

/// <summary>What the app declared in <c>GET /dapr/config</c> (dapr-contract §5.3): its actor types and their settings.</summary>
public sealed record AppConfig(IReadOnlyList<string> Entities, IReadOnlyDictionary<string, ActorTypeConfig> Types)
{
    public static readonly AppConfig None = new([], new Dictionary<string, ActorTypeConfig>());

    public bool Hosts(string actorType) => Types.ContainsKey(actorType);

    public ActorTypeConfig For(string actorType) => Types.GetValueOrDefault(actorType) ?? ActorTypeConfig.Default;
}
