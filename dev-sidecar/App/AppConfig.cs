namespace AvatarStream.DevSidecar.App;

// What the app declared in GET /dapr/config (dapr-contract §5.3): its actor types and their settings.
public sealed record AppConfig(IReadOnlyList<string> Entities, IReadOnlyDictionary<string, ActorTypeConfig> Types)
{
    public static readonly AppConfig None = new([], new Dictionary<string, ActorTypeConfig>());

    public bool Hosts(string actorType) => Types.ContainsKey(actorType);

    public ActorTypeConfig For(string actorType) => Types.GetValueOrDefault(actorType) ?? ActorTypeConfig.Default;
}
