namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

/// <summary>
/// The cell's field order keeps what senders read on every Tell (the tail segment and the status word)
/// off the cache lines a running turn touches per message; see ActorCell.Layout.cs.
/// </summary>
public sealed class ActorCellLayoutTests : TestKit
{
    private const int CacheLine = 64;

    private static readonly string[] WrittenPerMessage = ["_currentMessage", "_currentSender", "_headSegment"];

    private static readonly string[] ReadPerMessage = ["_actor", "_behaviorStack", "_systemHead", "_unstashed", "_pendingTask", "_receiveTimeout", "_state"];

    [Fact]
    public void Fields_a_turn_touches_per_message_never_share_a_cache_line_with_the_tail_segment_reference()
    {
        var offsets = ActorCell.HotFieldOffsets((ActorCell)Sys.ActorOf(Props.Create(() => new Echo())));

        foreach (var field in WrittenPerMessage.Concat(ReadPerMessage))
        {
            Assert.True(ApartByALine(offsets["_tailSegment"], offsets[field]), $"_tailSegment and {field} may share a cache line");
        }
    }

    [Fact]
    public void Fields_a_turn_writes_per_message_never_share_a_cache_line_with_the_status_word()
    {
        var offsets = ActorCell.HotFieldOffsets((ActorCell)Sys.ActorOf(Props.Create(() => new Echo())));

        foreach (var field in WrittenPerMessage)
        {
            Assert.True(ApartByALine(offsets[field], offsets["_status"]), $"{field} and _status may share a cache line");
        }
    }

    // Two fields can share a line wherever the object starts only if less than a line separates
    // the last byte of the first from the first byte of the second.
    private static bool ApartByALine((int Offset, int Size) a, (int Offset, int Size) b)
    {
        var (first, second) = a.Offset < b.Offset ? (a, b) : (b, a);
        return second.Offset - (first.Offset + first.Size - 1) >= CacheLine;
    }
}
