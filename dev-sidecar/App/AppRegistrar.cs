using AvatarStream.DevSidecar.Discovery;
using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevSidecar.App;

// Puts this sidecar in the app directory and keeps it there. It registers as soon as its HTTP port is bound (so the
// app-id resolves at once), waits for the app to answer, reads /dapr/config, registers again with the actor
// types, renews the lease every Heartbeat and unregisters on stop.
public sealed class AppRegistrar(
    SidecarIdentity identity,
    SidecarHttpAddress address,
    AppChannel channel,
    AppDirectory directory,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<AppRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(1);

    // An app that accepts the connection but never answers must not stall registration for good.
    private static readonly TimeSpan ConfigTimeout = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _appReachable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile AppRegistration? _current;
    private volatile AppConfig _config = AppConfig.None;

    // Completes once the app has answered on its port (never, for a sidecar without an app).
    public Task AppReachable => _appReachable.Task;

    // Completes once the registration carries the app's actor types.
    public Task Registered => _registered.Task;

    // Whether actor calls to this app can find it: its actor types are registered, or it has no app to wait for.
    public bool AppReady => channel.Endpoint is null || _registered.Task.IsCompletedSuccessfully;

    // The app's actor configuration; None until read.
    public AppConfig Config => _config;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenServerStartedAsync(stoppingToken);
        _current = new AppRegistration(identity.AppId, identity.InstanceId, address.Uri, []);
        await TryRegisterAsync(_current, stoppingToken);
        if (channel.Endpoint is null)
        {
            _registered.TrySetResult();
        }

        await Task.WhenAll(HeartbeatAsync(stoppingToken), channel.Endpoint is null ? Task.CompletedTask : ConnectAppAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_current is { } registration)
        {
            try
            {
                await directory.UnregisterAsync(registration, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AppLog.UnregisterFailed(logger, identity.AppId, e);
            }
        }
    }

    private async Task WhenServerStartedAsync(CancellationToken cancellationToken)
    {
        // The HTTP port is known (and worth registering) only once Kestrel has bound it.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        await started.Task;
    }

    private async Task ConnectAppAsync(CancellationToken cancellationToken)
    {
        var endpoint = channel.Endpoint!;
        AppLog.WaitingForApp(logger, endpoint);
        var config = await ReadConfigWhenUpAsync(endpoint, cancellationToken);
        _config = config;
        _current = _current! with { ActorTypes = config.Entities };
        await TryRegisterAsync(_current, cancellationToken);
        _registered.TrySetResult();
        AppLog.AppReady(logger, identity.AppId, string.Join(", ", config.Entities));
    }

    // Retries, with backoff up to MaxRetry, until the app answers; it may start after its sidecar.
    private async Task<AppConfig> ReadConfigWhenUpAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        for (var tries = 1; ; tries++)
        {
            try
            {
                using var attemptTimeout = new CancellationTokenSource(ConfigTimeout, time);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
                using var request = channel.CreateRequest(HttpMethod.Get, "/dapr/config");
                using var response = await channel.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token);
                _appReachable.TrySetResult();
                if (!response.IsSuccessStatusCode)
                {
                    AppLog.NoActorConfig(logger, (int)response.StatusCode);
                    return AppConfig.None;
                }

                try
                {
                    return AppConfigParser.Parse(await response.Content.ReadAsByteArrayAsync(attempt.Token));
                }
                catch (System.Text.Json.JsonException e)
                {
                    AppLog.BadActorConfig(logger, e);
                    return AppConfig.None;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                AppLog.AppNotUp(logger, endpoint, tries);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(AppDirectory.Heartbeat, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await TryRegisterAsync(_current!, cancellationToken);
        }
    }

    private async Task TryRegisterAsync(AppRegistration registration, CancellationToken cancellationToken)
    {
        try
        {
            await directory.RegisterAsync(registration, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AppLog.HeartbeatFailed(logger, identity.AppId, e);
        }
    }
}
