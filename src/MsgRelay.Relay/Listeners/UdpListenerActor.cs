using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// One UDP port (on one or more addresses): a <see cref="DatagramPump"/> per socket tells the actor
/// of each datagram and the actor starts a <see cref="DatagramActor"/> for it. The duplicate filter and
/// the reply rate limit are the listener's, shared by its datagrams through a <see cref="DatagramGate"/>.
/// </summary>
public sealed class UdpListenerActor : ReceiveActor, IWithTimers
{
    private const string DeadlineTimer = "deadline";

    private readonly ListeningSockets _bound;
    private readonly PortProtocols _protocols;
    private readonly IActorRef _router;
    private readonly ListenerSettings _settings;
    private readonly DatagramGate _gate;
    private readonly ILogger _log;

    /// <summary>Serves the already bound <paramref name="sockets"/> of one UDP port; the actor owns them.</summary>
    public UdpListenerActor(IReadOnlyList<Socket> sockets, PortProtocols protocols, IActorRef router, ListenerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(settings);
        _bound = new ListeningSockets(sockets, "udp");
        _protocols = protocols;
        _router = router;
        _settings = settings;
        _gate = new DatagramGate(settings);
        _log = Context.GetLogger();

        Receive<DatagramReceived>(OnDatagram);
        Receive<DatagramDeadline>(_ =>
        {
            var tick = new DatagramDeadline(Context.System.Scheduler.Now);
            foreach (var child in Context.Children)
            {
                child.Tell(tick);
            }
        });
        Receive<GetBoundEndpoints>(_ => Sender.Tell(new BoundEndpoints("udp", _bound.Endpoints, _protocols)));
        Receive<StopAccepting>(_ =>
        {
            Unbind();
            Sender.Tell(Unbound.Instance);
        });

        // Datagram actors finish on their own within the route timeout; nothing to drain.
        Receive<DrainConnections>(_ => Sender.Tell(Drained.Instance));
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// A datagram actor that fails is stopped, never restarted: its socket state cannot be rebuilt,
    /// and the client (or sender) is better served by a closed connection than a confused one.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        // One clock for every datagram waiting on the relay, instead of a timer per datagram.
        var interval = _settings.RouteTimeout / 3;
        Timers.StartPeriodicTimer(DeadlineTimer, new DatagramDeadline(default), interval);
        var self = Self;
        for (var i = 0; i < _bound.Sockets.Count; i++)
        {
            _log.Listening("udp", _bound.Endpoints[i], TcpListenerActor.Describe(_protocols));
            var socket = _bound.Sockets[i];
            var endpoint = _bound.Endpoints[i];
            DatagramPump.Start(socket, endpoint, self, _log);
        }
    }

    /// <inheritdoc/>
    protected override void PostStop() => Unbind();

    private void OnDatagram(DatagramReceived datagram)
    {
        if (_bound.IsUnbound)
        {
            return;
        }

        Context.ActorOf(Props.Create(() => new DatagramActor(datagram, _protocols, _router, _settings, _gate, SocketReplier.Instance)));
    }

    private void Unbind() => _bound.Unbind(_log);
}
