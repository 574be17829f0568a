using System.Text;
using AvatarStream.DevSidecar.Discovery;

namespace AvatarStream.DevSidecar.Actors;

// Stands in for Dapr's placement service: the owner of an actor is the live host with the highest rendezvous score for
// {type}||{id}. Every sidecar computes the same answer from the same host list, and when a host joins or leaves
// only the actors it gains or loses move.
public static class ActorPlacement
{
    public static AppRegistration? OwnerOf(IReadOnlyList<AppRegistration> hosts, string actorType, string actorId)
    {
        AppRegistration? best = null;
        ulong bestScore = 0;
        foreach (var host in hosts)
        {
            var score = Score(host.InstanceId, actorType, actorId);
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(host.InstanceId, best.InstanceId) < 0))
            {
                best = host;
                bestScore = score;
            }
        }

        return best;
    }

    // FNV-1a over the UTF-8 bytes, then a SplitMix64 finaliser: stable across processes (unlike string.GetHashCode)
    // and well spread even for ids that differ in one character.
    private static ulong Score(string instanceId, string actorType, string actorId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes($"{instanceId}||{actorType}||{actorId}"))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
