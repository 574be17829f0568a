using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.DevHost;

// The stream instances the room router has registered (GET /instances, an internal call), asked with the
// development token the sidecars serve from components/secrets.dev.json.
public sealed class RouterInstances : IDisposable
{
    private readonly HttpClient _http;

    public RouterInstances(AppSpec router, string root)
    {
        _http = new HttpClient { BaseAddress = new Uri(router.AppUrl), Timeout = TimeSpan.FromSeconds(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentToken(root));
    }

    public static string DevelopmentToken(string root)
    {
        using var secrets = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "components", "secrets.dev.json")));
        var secret = secrets.RootElement.GetProperty(DaprNames.InternalTokenKey);

        // During a rotation the secret is an object holding the current and the next token (docs/deploy.md).
        return (secret.ValueKind == JsonValueKind.Object ? secret.GetProperty(DaprNames.InternalTokenKey) : secret).GetString()!;
    }

    // Null while the router does not answer.
    public async Task<IReadOnlySet<string>?> TryListAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(InternalRoutes.Instances, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var list = await response.Content.ReadFromJsonAsync<InstanceList>(ContractJson.Options, cancellationToken);
            return list!.Instances.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    // The streams of the topology still unregistered when the limit passed (or the run was stopped).
    public async Task<IReadOnlyList<AppSpec>> WaitForStreamsAsync(LocalTopology topology, TimeSpan limit, CancellationToken cancellationToken)
    {
        var streams = topology.Apps.Where(a => a.Kind == AppKind.Stream).ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        IReadOnlySet<string> seen = new HashSet<string>();
        try
        {
            while (true)
            {
                seen = await TryListAsync(deadline.Token) ?? seen;
                if (streams.All(s => seen.Contains(s.AppId)))
                {
                    break;
                }

                await Task.Delay(200, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return [.. streams.Where(s => !seen.Contains(s.AppId))];
    }

    public void Dispose() => _http.Dispose();
}
