using System.Globalization;
using System.Net;

namespace MsgRelay.Benchmarks.EndToEnd;

/// <summary>
/// Command line of the <c>agents</c> command. Agents are spread over <see cref="Users"/> user
/// names (PREFIX1..PREFIXn, or PREFIX alone when n is 1) round robin, each agent with its own tty
/// (<c>a1</c>, <c>a2</c>, ...), so one user can hold several sessions the way a person logged in on
/// several terminals does.
/// </summary>
internal sealed record AgentPoolOptions(
    IPEndPoint Server,
    string UserPrefix,
    int Count,
    int Users,
    int LoginParallelism,
    int Seconds,
    int PingSeconds,
    bool ConnectOnly)
{
    public const string Usage =
        "usage: agents --server HOST:PORT [--users PREFIX] [--count K] [--user-count U]\n" +
        "              [--login-parallel N] [--seconds S] [--ping-seconds S] [--connect-only 1]\n" +
        "  K agents (default 1) over RWP in agent mode, spread round robin over U users\n" +
        "  (default 1: all K agents are sessions of user PREFIX; U>1: users PREFIX1..PREFIXU).\n" +
        "  Every delivery is acknowledged at once. Prints 'ready <K> agents ...' once all are\n" +
        "  logged in, and a summary line at SIGTERM/SIGINT or after S seconds (0: no limit).\n" +
        "  --connect-only 1: stop after the greeting (plain idle connections, to tell the\n" +
        "  connection's memory from the agent session's).";

    public string UserOf(int agent) => Users == 1 ? UserPrefix : UserPrefix + ((agent % Users) + 1).ToString(CultureInfo.InvariantCulture);

    public static AgentPoolOptions? Parse(string[] args)
    {
        IPEndPoint? server = null;
        var prefix = "bench";
        var count = 1;
        var users = 1;
        var parallel = 256;
        var seconds = 0;
        var ping = 0;
        var connectOnly = false;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--server": server = IPEndPoint.Parse(value); break;
                case "--users": prefix = value; break;
                case "--count": count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--user-count": users = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--login-parallel": parallel = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--ping-seconds": ping = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--connect-only": connectOnly = value == "1"; break;
                default: return null;
            }
        }

        if (server is null || count < 1 || users < 1 || users > count || parallel < 1 || args.Length % 2 != 0)
        {
            return null;
        }

        return new AgentPoolOptions(server, prefix, count, users, parallel, seconds, ping, connectOnly);
    }
}
