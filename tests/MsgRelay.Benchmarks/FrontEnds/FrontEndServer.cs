using System.Globalization;
using MsgRelay.Actors;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Benchmarks.FrontEnds;

/// <summary>
/// The front ends standalone with routing stubbed to "delivered", for relayload to measure side by
/// side with the limit server (commands in /work/notes/perf-frontends.md):
/// <c>dotnet run -c Release --project tests/MsgRelay.Benchmarks -- frontends --msp-port 20018 --rwp-port 20019 [--seconds N]</c>.
/// MSP (TCP and UDP) on one port and RWP on the other, as the limit server does, so RWP pays no
/// sniff window. The UDP reply rate limit is lifted: relayload is one source address, and the
/// limit server has no such limit either.
/// </summary>
public static class FrontEndServer
{
    public static int Run(string[] args)
    {
        var mspPort = 20018;
        var rwpPort = 20019;
        var seconds = 0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--msp-port": mspPort = value; break;
                case "--rwp-port": rwpPort = value; break;
                case "--seconds": seconds = value; break;
                default:
                    Console.Error.WriteLine("usage: frontends [--msp-port P] [--rwp-port P] [--seconds N]");
                    return 2;
            }
        }

        var system = ActorSystem.Create("frontends");
        var router = system.ActorOf(Props.Create(() => new DeliveredRouter()), "router");
        var settings = new ListenerSettings
        {
            MspTcpPort = mspPort,
            MspUdpPort = mspPort,
            RwpTcpPort = rwpPort,
            RwpUdpPort = rwpPort,
            LocalHost = "bench",
            UdpRepliesPerSecond = 1e9,
            UdpReplyBurst = int.MaxValue,
        };
        var handle = Relay.Listeners.FrontEnds.Start(system, settings, router);
        foreach (var bound in handle.Endpoints)
        {
            Console.WriteLine($"{bound.Transport} {string.Join(',', bound.Endpoints)} {bound.Protocols}");
        }

        using var done = new ManualResetEventSlim();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            done.Set();
        };
        done.Wait(seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan);
        system.Terminate().Wait(TimeSpan.FromSeconds(5));
        return 0;
    }

    /// <summary>Every message is "delivered" at once: the measurement is the front ends, not the relay.</summary>
    private sealed class DeliveredRouter : ReceiveActor
    {
        private static readonly DeliveryOutcome Delivered = DeliveryOutcome.Delivered();

        public DeliveredRouter() => ReceiveAny(_ => Sender.Tell(Delivered));
    }
}
