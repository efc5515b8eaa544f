using MsgRelay.Relay.Delivery;
using Xunit;

namespace MsgRelay.Relay.Tests.Delivery;

public sealed class DeadlineQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly HashSet<int> _open = [];
    private readonly DeadlineQueue<int> _queue;

    public DeadlineQueueTests() => _queue = new DeadlineQueue<int>(_open.Contains, new object());

    private void Add(int key, int seconds)
    {
        _open.Add(key);
        _queue.Add(key, T0.AddSeconds(seconds));
    }

    [Fact]
    public void Next_due_is_that_of_the_oldest_item_still_open()
    {
        Add(1, 5);
        Add(2, 6);
        Assert.Equal(T0.AddSeconds(5), _queue.NextDue);

        _open.Remove(1);

        Assert.Equal(T0.AddSeconds(6), _queue.NextDue);
        _open.Remove(2);
        Assert.Null(_queue.NextDue);
    }

    [Fact]
    public void Expire_reports_open_items_due_by_now_in_order_and_skips_closed_ones()
    {
        Add(1, 5);
        Add(2, 6);
        Add(3, 7);
        Add(4, 8);
        _open.Remove(2);
        var expired = new List<int>();

        _queue.Expire(T0.AddSeconds(7), expired.Add);

        Assert.Equal([1, 3], expired);
        Assert.Equal(T0.AddSeconds(8), _queue.NextDue);
    }
}
