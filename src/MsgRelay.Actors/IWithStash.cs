namespace MsgRelay.Actors;

/// <summary>Implement on an actor to get a <see cref="Stash"/> (set by the runtime before your constructor body runs).</summary>
public interface IWithStash
{
    /// <summary>The actor's stash.</summary>
    IStash Stash { get; set; }
}

/// <summary>
/// Set messages aside to process later. Unstashed messages go to the front of the mailbox in
/// the order they were stashed. On restart the stash is returned to the mailbox; on stop its
/// messages become dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Stashes the message being processed.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Drops all stashed messages.</summary>
    void ClearStash();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}
