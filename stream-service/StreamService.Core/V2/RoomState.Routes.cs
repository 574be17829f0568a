namespace AvatarStream.StreamService.Core.V2;

// Media routing, rebuilt after every change so that relaying a frame is one array walk: per publisher, the
// connected receivers of each video layer and of everything else. A publisher is told which layers anyone wants.
internal sealed partial class RoomState
{
    private void RebuildRoutes()
    {
        var admitted = Admitted();
        var wanted = new Dictionary<Member, Dictionary<int, int>>(admitted.Count);
        foreach (var receiver in admitted)
        {
            wanted[receiver] = EffectiveFeeds(receiver, admitted);
        }

        foreach (var member in _members)
        {
            // The recorder only receives: its media goes nowhere, and nobody is asked to encode for it as a publisher.
            if (!member.IsAdmitted || member.IsRecorder)
            {
                member.Route = MediaRoute.Nobody;
                continue;
            }

            List<IMemberLink>[] video = [[], [], []];
            List<IMemberLink> everyone = [];
            var layers = 0;
            foreach (var receiver in admitted)
            {
                if (receiver == member || !wanted[receiver].TryGetValue(member.Number, out var layer))
                {
                    if (receiver != member && receiver.State == MemberState.Connected && receiver.Link is { } other)
                    {
                        everyone.Add(other);
                    }

                    continue;
                }

                layers |= 1 << layer;
                if (receiver.State == MemberState.Connected && receiver.Link is { } link)
                {
                    everyone.Add(link);
                    video[layer].Add(link);
                }
            }

            member.Route = new MediaRoute([[.. video[0]], [.. video[1]], [.. video[2]]], [.. everyone]);
            if (member.State == MemberState.Connected && member.LayersWantedSent != layers)
            {
                member.LayersWantedSent = layers;
                SendLayersWanted(member, layers);
            }
        }
    }

    // Publisher number to layer for one receiver: its feeds that are admitted members, or, for "all", the first
    // MaxFeeds other members by number (every one for the recorder, which counts in no limit).
    private static Dictionary<int, int> EffectiveFeeds(Member receiver, List<Member> admitted)
    {
        var subscription = receiver.Subscription;
        var feeds = new Dictionary<int, int>();
        foreach (var publisher in admitted)
        {
            if (publisher == receiver || publisher.IsRecorder)
            {
                continue;
            }

            if (subscription.All)
            {
                if (feeds.Count == ProtocolLimits.MaxFeeds && !receiver.IsRecorder)
                {
                    break;
                }

                feeds[publisher.Number] = subscription.Layer;
            }
            else if (subscription.Feeds.TryGetValue(publisher.Number, out var layer))
            {
                feeds[publisher.Number] = layer;
            }
        }

        return feeds;
    }
}
