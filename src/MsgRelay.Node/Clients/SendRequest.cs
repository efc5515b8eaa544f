namespace MsgRelay.Node.Clients;

/// <summary>What <c>msgrelay send</c> was asked to send.</summary>
internal sealed record SendRequest(ServerAddress Server, string From, string User, string? Host, string? Tty, string Body, TimeSpan Timeout);

/// <summary>What became of it: <see cref="Success"/> for delivered or forwarded; <see cref="Text"/> says which, or why not.</summary>
internal sealed record SendResult(bool Success, string Text, IReadOnlyList<string> Autoreplies)
{
    public static SendResult Failed(string text) => new(false, text, []);
}
