using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tests;

/// <summary>Unique addresses for pure tests: node n lives on 10.0.0.n:2552.</summary>
internal static class Nodes
{
    public static UniqueAddress N(int n, long uid = 1) => new(new Address("sys", $"10.0.0.{n}", 2552), uid);

    public static Member Up(int n, int upNumber = 0) => new(N(n), MemberStatus.Up, upNumber == 0 ? n : upNumber);

    public static Member With(int n, MemberStatus status) => new(N(n), status, status == MemberStatus.Joining ? int.MaxValue : n);
}
