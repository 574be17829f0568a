using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Actors;

// Runs actor turns on this sidecar's app: takes the actor's turn lock (with reentrancy when the type enables it),
// sends the call, and reads the whole response before giving the turn up.
public sealed class ActorInvoker(ActiveActors actors, AppChannel channel, AppRegistrar registrar)
{
    public const string ReentrancyHeader = "Dapr-Reentrancy-Id";

    // Throws HttpRequestException when the app cannot be reached,
    // and ActorStackDepthExceededException when a reentrant chain goes too deep.
    public async Task<ActorAppResponse> CallAsync(ActorCall call, CancellationToken cancellationToken)
    {
        var config = registrar.Config.For(call.ActorType);

        // With reentrancy on, every chain needs an id the app will put on its own outgoing actor calls.
        var chain = config.Reentrant ? call.ReentrancyId ?? Guid.NewGuid().ToString() : call.ReentrancyId;
        using var lease = actors.Use(call.ActorType, call.ActorId, call.CountsAsUse);
        using var turn = await lease.Entry.Lock.EnterAsync(config.Reentrant ? chain : null, config.MaxStackDepth, cancellationToken);
        return await SendAsync(call, chain, cancellationToken);
    }

    // Deactivates an idle actor: under its turn lock, and only if nobody used it since lastUsed,
    // sends DELETE /actors/{type}/{id}, drops its timers and forgets it. False when it was busy after all.
    public async Task<bool> DeactivateAsync(ActorEntry entry, long lastUsed, CancellationToken cancellationToken)
    {
        // Not a use: deactivating must not make the actor look busy.
        using var lease = actors.Use(entry.Type, entry.Id, touch: false);
        using var turn = await lease.Entry.Lock.EnterAsync(null, int.MaxValue, cancellationToken);
        if (lease.Entry != entry || !actors.IsUnusedSince(entry, lastUsed))
        {
            return false;
        }

        try
        {
            await SendAsync(new ActorCall(entry.Type, entry.Id, HttpMethod.Delete, "", ReadOnlyMemory<byte>.Empty, []), null, cancellationToken);
        }
        finally
        {
            // daprd forgets the activation even when the app did not answer.
            actors.CancelTimers(entry);
            actors.TryRemove(entry, lastUsed);
        }

        return true;
    }

    private async Task<ActorAppResponse> SendAsync(ActorCall call, string? chain, CancellationToken cancellationToken)
    {
        using var request = channel.CreateRequest(call.Verb, call.AppPath);
        if (call.Verb != HttpMethod.Delete)
        {
            request.Content = new ReadOnlyMemoryContent(call.Body);
        }

        foreach (var (name, values) in call.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        if (chain is not null)
        {
            request.Headers.Remove(ReentrancyHeader);
            request.Headers.TryAddWithoutValidation(ReentrancyHeader, chain);
        }

        request.Headers.Remove("Dapr-Api-Call");
        request.Headers.TryAddWithoutValidation("Dapr-Api-Call", "true");
        using var response = await channel.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray()))
            .ToArray();
        return new ActorAppResponse((int)response.StatusCode, headers, body);
    }
}
