namespace AvatarStream.StreamService.Core.V2;

// The video a member asked for: every other member at one layer (capped, recomputed as members come and go),
// or a list of publishers each at its layer.
internal sealed class Subscription
{
    public static readonly Subscription Default = new(true, 0, new Dictionary<int, int>());

    private Subscription(bool all, int layer, IReadOnlyDictionary<int, int> feeds)
    {
        All = all;
        Layer = layer;
        Feeds = feeds;
    }

    public bool All { get; }

    public int Layer { get; }

    // Publisher member number to layer, when not All.
    public IReadOnlyDictionary<int, int> Feeds { get; }

    public static Subscription ToEveryone(int layer) => new(true, layer, new Dictionary<int, int>());

    public static Subscription ToFeeds(IReadOnlyDictionary<int, int> feeds) => new(false, 0, feeds);
}
