using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Sessions;

using MsgRelay.Relay.Telemetry;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// One TCP port (on one or more addresses): an accept pump per listening socket tells the actor
/// of each new connection, and the actor starts a <see cref="ConnectionActor"/> for it, or refuses
/// it politely at the node's connection limit.
/// </summary>
public sealed class TcpListenerActor : ReceiveActor
{
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly ListeningSockets _bound;
    private readonly PortProtocols _protocols;
    private readonly IActorRef _router;
    private readonly ListenerSettings _settings;
    private readonly ConnectionLimit _limit;
    private readonly Func<AgentConnection, Props>? _agentSessionProps;
    private readonly ILogger _log;
    private readonly byte[] _refusal;
    private readonly List<IActorRef> _drainWaiters = [];
    private long _accepted;

    /// <summary>Serves the already bound, listening <paramref name="sockets"/> of one port; the actor owns them.</summary>
    public TcpListenerActor(
        IReadOnlyList<Socket> sockets,
        PortProtocols protocols,
        IActorRef router,
        ListenerSettings settings,
        ConnectionLimit limit,
        Func<AgentConnection, Props>? agentSessionProps = null)
    {
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(limit);
        _bound = new ListeningSockets(sockets, "tcp");
        _protocols = protocols;
        _router = router;
        _settings = settings;
        _limit = limit;
        _agentSessionProps = agentSessionProps;
        _log = Context.GetLogger();
        _refusal = protocols switch
        {
            // On a shared port the client's protocol is unknown before sniffing: a silent close is the only safe answer.
            PortProtocols.Rwp => Encoding.Latin1.GetBytes("698 Too many connections, try again later.\n"),
            PortProtocols.Msp => Encoding.Latin1.GetBytes("-Too many connections, try again later\0"),
            _ => [],
        };

        Receive<ConnectionAccepted>(OnAccepted);
        Receive<Terminated>(OnConnectionEnded);
        Receive<GetBoundEndpoints>(_ => Sender.Tell(new BoundEndpoints("tcp", _bound.Endpoints, _protocols)));
        Receive<StopAccepting>(_ =>
        {
            Unbind();
            Sender.Tell(Unbound.Instance);
        });
        Receive<DrainConnections>(_ => OnDrain());
    }

    /// <summary>
    /// A connection actor that fails is stopped, never restarted: its socket state cannot be rebuilt,
    /// and the client (or sender) is better served by a closed connection than a confused one.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        var self = Self;
        for (var i = 0; i < _bound.Sockets.Count; i++)
        {
            _log.Listening("tcp", _bound.Endpoints[i], Describe(_protocols));
            var socket = _bound.Sockets[i];
            var endpoint = _bound.Endpoints[i];
            _ = Task.Run(() => AcceptLoopAsync(socket, endpoint, self));
        }
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        Unbind();
        foreach (var child in Context.Children)
        {
            _limit.Release();
            Context.Unwatch(child);
        }
    }

    /// <summary>The protocol list as it appears in the "listening on" log line.</summary>
    public static string Describe(PortProtocols protocols) => protocols switch
    {
        PortProtocols.Msp => "msp",
        PortProtocols.Rwp => "rwp",
        _ => "msp+rwp",
    };

    private void OnAccepted(ConnectionAccepted accepted)
    {
        if (_bound.IsUnbound)
        {
            accepted.Socket.Dispose();
            return;
        }

        if (!_limit.TryAcquire())
        {
            var transport = EpollTransport.Create(accepted.Socket, _settings.UseEpoll);
            _log.ConnectionRefused(transport.PeerEndpoint, _limit.Open, _limit.Max);
            RelayMetrics.ConnectionsRejected.Add(1);
            transport.Write(_refusal);
            transport.Close();
            return;
        }

        var connection = Context.ActorOf(
            Props.Create(() => new ConnectionActor(EpollTransport.Create(accepted.Socket, _settings.UseEpoll), _router, _settings, _protocols, _agentSessionProps)),
            "c" + (++_accepted).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Context.Watch(connection);
    }

    private void OnConnectionEnded(Terminated terminated)
    {
        _limit.Release();
        if (_drainWaiters.Count > 0 && !Context.Children.Any())
        {
            ReplyDrained();
        }
    }

    private void OnDrain()
    {
        Unbind();
        _drainWaiters.Add(Sender);
        var any = false;
        foreach (var child in Context.Children)
        {
            any = true;
            child.Tell(ConnectionDrain.Instance);
        }

        if (!any)
        {
            ReplyDrained();
        }
    }

    private void ReplyDrained()
    {
        foreach (var waiter in _drainWaiters)
        {
            waiter.Tell(Drained.Instance);
        }

        _drainWaiters.Clear();
    }

    private void Unbind() => _bound.Unbind(_log);

    private async Task AcceptLoopAsync(Socket socket, IPEndPoint endpoint, IActorRef self)
    {
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await socket.AcceptAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
            {
                return;
            }
            catch (SocketException e)
            {
                // A reset before accept completed, or the process ran out of descriptors: the port stays open.
                // Out of descriptors fails every accept at once: pause instead of spinning on the error.
                _log.AcceptFailed(endpoint, e.SocketErrorCode.ToString());
                await Task.Delay(AcceptRetryDelay).ConfigureAwait(false);
                continue;
            }

            self.Tell(new ConnectionAccepted(accepted));
        }
    }
}
