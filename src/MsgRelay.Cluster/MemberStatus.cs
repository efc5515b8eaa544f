namespace MsgRelay.Cluster;

/// <summary>
/// Lifecycle of a member: Joining -> Up -> Leaving -> Exiting -> Removed, or Down (then Removed)
/// when the cluster gives up on it. Only the leader moves members Up, Exiting and Removed.
/// </summary>
public enum MemberStatus
{
    /// <summary>Asked to join; not yet moved Up by the leader.</summary>
    Joining,

    /// <summary>A full member.</summary>
    Up,

    /// <summary>Asked to leave gracefully.</summary>
    Leaving,

    /// <summary>Leaving, handed off; the leader removes it next.</summary>
    Exiting,

    /// <summary>Declared dead (by the downing strategy or by hand); removed once the rest converge.</summary>
    Down,

    /// <summary>No longer a member (a tombstone; never shown in the member table).</summary>
    Removed,
}

/// <summary>Orderings over <see cref="MemberStatus"/>.</summary>
public static class MemberStatusExtensions
{
    /// <summary>
    /// Which status wins when two concurrent gossips disagree (Akka's rule): the one further along
    /// towards removal, so a Down or Leaving decision is never undone by an older view.
    /// </summary>
    public static int MergePriority(this MemberStatus status) => status switch
    {
        MemberStatus.Removed => 6,
        MemberStatus.Down => 5,
        MemberStatus.Exiting => 4,
        MemberStatus.Leaving => 3,
        MemberStatus.Up => 2,
        _ => 1,
    };
}
