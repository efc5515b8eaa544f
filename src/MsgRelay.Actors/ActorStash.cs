namespace MsgRelay.Actors;

/// <summary>The per-actor <see cref="IStash"/>; touched only on the actor's turn.</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash()
    {
        var message = cell.CurrentMessage ?? throw new InvalidOperationException("Stash() called outside of message processing");
        _stashed.Add(new Envelope(message, cell.CurrentSender));
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }
        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll() => ReturnAllToMailbox();

    public void ClearStash() => _stashed.Clear();

    internal void ReturnAllToMailbox()
    {
        cell.Prepend(_stashed);
        _stashed.Clear();
    }
}
