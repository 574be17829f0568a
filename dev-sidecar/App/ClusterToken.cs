using System.Security.Cryptography;
using System.Text;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.App;

// A random secret shared by every sidecar on one store (created by whichever asks first). Sidecars present it on
// their internal hops (forwarded invocations, actor calls to the owner), which bypass the per-app dapr-api-token:
// a process on loopback that cannot read the store cannot use those routes to reach an app.
public sealed class ClusterToken(IStateStore store)
{
    public const string Header = ProxyHeaders.InternalPrefix + "token";
    private const string Key = "_devsidecar||cluster-token";

    private volatile string? _value;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_value is { } known)
        {
            return known;
        }

        // Two sidecars may race to create it; first write wins and the loser reads the winner's.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.GetAsync(Key, cancellationToken) is { } entry)
            {
                return _value = Encoding.UTF8.GetString(entry.Value.Span);
            }

            var fresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            try
            {
                await store.ApplyAsync([StateWrite.Upsert(Key, Encoding.UTF8.GetBytes(fresh), firstWrite: true)], cancellationToken);
                return _value = fresh;
            }
            catch (ETagMismatchException)
            {
            }
        }

        throw new InvalidOperationException("could not create or read the cluster token");
    }

    public async Task<bool> IsPresentedByAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var expected = await GetAsync(cancellationToken);
        return ApiTokenComparer.Accepts(expected, request.Headers[Header]);
    }
}
