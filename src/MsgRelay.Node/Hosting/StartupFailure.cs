using System.Net.Sockets;
using MsgRelay.Hocon;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Listeners;

namespace MsgRelay.Node.Hosting;

/// <summary>Turns the start-up failures a user can fix into one clear sentence that says what to do.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception, ListenerSettings listeners, NodeSettings node) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            $"a port is already in use by another process ({Ports(listeners)}); stop that process or choose other ports with --set.",
        SocketException { SocketErrorCode: SocketError.AccessDenied } =>
            $"no permission to bind ({Ports(listeners)}): ports below 1024 need root or the CAP_NET_BIND_SERVICE capability " +
            "(for example `setcap cap_net_bind_service=+ep` on the dotnet host, or the Docker image, which has it), " +
            "or choose ports above 1023 with --set msgrelay.listeners.msp.tcp-port=... and the like.",
        IOException e when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            $"the admin HTTP address {node.AdminHost}:{node.AdminPort} is already in use; choose another with --set msgrelay.admin.port=... (0 disables it).",
        IOException { InnerException: { } inner } => Describe(inner, listeners, node),
        AggregateException { InnerExceptions: [var single] } => Describe(single, listeners, node),
        HoconException e => $"invalid configuration: {e.Message}",
        _ => null,
    };

    private static string Ports(ListenerSettings s) =>
        $"MSP tcp {s.MspTcpPort}, MSP udp {s.MspUdpPort}, RWP tcp {s.RwpTcpPort}, RWP udp {s.RwpUdpPort}; 0 = disabled";
}
