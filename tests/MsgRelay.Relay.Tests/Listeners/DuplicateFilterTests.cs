using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class DuplicateFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_copy_is_first_then_pending_then_answered_with_its_outcome()
    {
        var filter = new DuplicateFilter(TimeSpan.FromSeconds(60));
        var key = DuplicateFilter.KeyOf("10.0.0.1", "sandy", "console", "910806121325");

        Assert.Equal(DuplicateStatus.First, filter.Check(key, T0).Status);
        Assert.Equal(DuplicateStatus.Pending, filter.Check(key, T0.AddSeconds(1)).Status);
        var outcome = DeliveryOutcome.Delivered();
        filter.Complete(key, outcome);

        var again = filter.Check(key, T0.AddSeconds(2));
        Assert.Equal(DuplicateStatus.Answered, again.Status);
        Assert.Same(outcome, again.Outcome);
    }

    [Fact]
    public void Keys_compare_case_insensitively()
    {
        var filter = new DuplicateFilter(TimeSpan.FromSeconds(60));
        filter.Check(DuplicateFilter.KeyOf("10.0.0.1", "Sandy", "Console", "abc"), T0);

        Assert.Equal(DuplicateStatus.Pending, filter.Check(DuplicateFilter.KeyOf("10.0.0.1", "SANDY", "console", "ABC"), T0).Status);
    }

    [Theory]
    [InlineData("10.0.0.2", "sandy", "console", "abc")]
    [InlineData("10.0.0.1", "chris", "console", "abc")]
    [InlineData("10.0.0.1", "sandy", "tty1", "abc")]
    [InlineData("10.0.0.1", "sandy", "console", "abd")]
    public void A_different_source_sender_terminal_or_cookie_is_a_new_message(string source, string sender, string term, string cookie)
    {
        var filter = new DuplicateFilter(TimeSpan.FromSeconds(60));
        filter.Check(DuplicateFilter.KeyOf("10.0.0.1", "sandy", "console", "abc"), T0);

        Assert.Equal(DuplicateStatus.First, filter.Check(DuplicateFilter.KeyOf(source, sender, term, cookie), T0).Status);
    }

    [Fact]
    public void A_copy_after_the_window_is_a_new_message()
    {
        var filter = new DuplicateFilter(TimeSpan.FromSeconds(60));
        var key = DuplicateFilter.KeyOf("10.0.0.1", "sandy", "console", "abc");
        filter.Check(key, T0);
        filter.Complete(key, DeliveryOutcome.Delivered());

        Assert.Equal(DuplicateStatus.Answered, filter.Check(key, T0.AddSeconds(59)).Status);
        Assert.Equal(DuplicateStatus.First, filter.Check(key, T0.AddSeconds(60)).Status);
        Assert.Equal(1, filter.Count);
    }

    [Fact]
    public void Memory_is_bounded_by_the_capacity_oldest_first()
    {
        var filter = new DuplicateFilter(TimeSpan.FromSeconds(60), capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            filter.Check("k" + i, T0);
        }

        Assert.Equal(3, filter.Count);
        Assert.Equal(DuplicateStatus.First, filter.Check("k0", T0).Status);
        Assert.Equal(DuplicateStatus.Pending, filter.Check("k4", T0).Status);
    }
}
