using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using AvatarStream.Client;
using AvatarStream.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AvatarStream.Client.Tests.Fakes;

// A stream instance on Kestrel that speaks as much v2 as a test scripts: it records every handshake, answers the next
// one with a queued HTTP status if there is one, and otherwise accepts the socket and hands it to the test.
internal sealed class FakeStreamServer : IAsyncDisposable
{
    private const int BindAttempts = 5;

    private readonly WebApplication _app;
    private readonly Channel<FakeSocket> _accepted = Channel.CreateUnbounded<FakeSocket>();
    private readonly ConcurrentQueue<HttpStatusCode> _refusals = new();
    private int _tickets;
    private readonly Lock _gate = new();
    private readonly List<HandshakeAttempt> _attempts = [];
    private readonly List<FakeSocket> _sockets = [];
    private Socket? _tombstone;
    private bool _stopped;

    private FakeStreamServer(int port)
    {
        Port = port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        _app.Run(HandleAsync);
    }

    public int Port { get; }

    public string StreamUrl => $"ws://127.0.0.1:{Port}/";

    // The protocol the upgrade selects; null selects none.
    public string? SelectedProtocol { get; set; } = StreamProtocol.V2;

    // False: the server never answers a client's close frame.
    public bool AnswersClose { get; set; } = true;

    public IReadOnlyList<HandshakeAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public static async Task<FakeStreamServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new FakeStreamServer(LoopbackPorts.Next());
            try
            {
                await server._app.StartAsync();
                return server;
            }
            catch (IOException) when (attempt < BindAttempts)
            {
                // Another process took the port between the check and the bind.
                await server._app.DisposeAsync();
            }
        }
    }

    // A join-room answer for this server; its one-time ticket is opaque to the client, so any text does.
    public RoomTicket Ticket(string clientId = "6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10", string? streamUrl = null) =>
        new("00157", clientId, streamUrl ?? StreamUrl, RoomRoles.Guest, StreamProtocol.Offered, $"ticket-{Interlocked.Increment(ref _tickets)}");

    // The next handshake is answered with this status instead of the upgrade.
    public void RefuseNext(HttpStatusCode status) => _refusals.Enqueue(status);

    public async Task<FakeSocket> AcceptAsync() => await _accepted.Reader.ReadAsync().AsTask().WaitAsync(Patience.Timeout);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _tombstone?.Dispose();
    }

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        List<FakeSocket> sockets;
        lock (_gate)
        {
            sockets = [.. _sockets];
        }

        foreach (var socket in sockets)
        {
            socket.Drop();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // The instance crashes: its sockets drop and its port refuses connections until the test ends. The port stays
    // bound (without listening) so that no other process can take it and answer in its place.
    public async Task CrashAsync()
    {
        await StopAsync();
        _tombstone = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _tombstone.Bind(new IPEndPoint(IPAddress.Loopback, Port));
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var protocols = context.WebSockets.WebSocketRequestedProtocols;
        var credentials = protocols.Select(StreamAuth.Decode).FirstOrDefault(c => c is not null);
        HttpStatusCode? refusal = _refusals.TryDequeue(out var status) ? status : null;
        lock (_gate)
        {
            _attempts.Add(new HandshakeAttempt(context.Request.QueryString.Value ?? string.Empty, [.. protocols], credentials, refusal));
        }

        if (refusal is { } refused)
        {
            context.Response.StatusCode = (int)refused;
            await context.Response.WriteAsJsonAsync(new { type = "https://avatarstream.dev/problems/refused", status = (int)refused });
            return;
        }

        var webSocket = await context.WebSockets.AcceptWebSocketAsync(SelectedProtocol);
        var socket = new FakeSocket(context, webSocket, credentials, AnswersClose);
        lock (_gate)
        {
            _sockets.Add(socket);
        }

        _accepted.Writer.TryWrite(socket);

        // ASP.NET Core aborts the connection when the handler returns: hold it until the test is done with it.
        await socket.Finished;
    }
}

// Query: the URL's query string, which tells tickets for "other instances" on the same server apart.
internal sealed record HandshakeAttempt(string Query, IReadOnlyList<string> Protocols, StreamCredentials? Credentials, HttpStatusCode? RefusedWith);
