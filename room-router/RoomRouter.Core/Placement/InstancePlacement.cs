namespace AvatarStream.RoomRouter.Core.Placement;

// Picks the instance that hosts a new room: the one with the fewest rooms, ties broken at random.
public static class InstancePlacement
{
    public static string? Choose(
        IEnumerable<string> liveInstances,
        IReadOnlyDictionary<string, int> roomsPerInstance,
        IReadOnlySet<string> excluded,
        Random random)
    {
        string? chosen = null;
        var fewest = int.MaxValue;
        var ties = 0;
        foreach (var instance in liveInstances)
        {
            if (excluded.Contains(instance))
            {
                continue;
            }

            var rooms = roomsPerInstance.GetValueOrDefault(instance);
            if (rooms < fewest)
            {
                (chosen, fewest, ties) = (instance, rooms, 1);
            }
            else if (rooms == fewest && random.Next(++ties) == 0)
            {
                // Reservoir sampling: each of the tied instances ends up chosen with probability 1/ties.
                chosen = instance;
            }
        }

        return chosen;
    }
}
