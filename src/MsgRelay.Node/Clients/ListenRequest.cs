namespace MsgRelay.Node.Clients;

/// <summary>What <c>msgrelay listen</c> was asked to do.</summary>
internal sealed record ListenRequest(ServerAddress Server, string User, string? Tty, string? Key, string? Away);
