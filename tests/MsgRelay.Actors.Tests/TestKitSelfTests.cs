namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;
using Xunit.Sdk;

public sealed class TestKitSelfTests : TestKit
{
    [Fact]
    public async Task ExpectMsg_fails_after_the_timeout_when_nothing_arrives()
    {
        var error = await Assert.ThrowsAsync<FailException>(() => ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(50)));

        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsg_fails_naming_what_arrived_instead()
    {
        TestActor.Tell(42);

        var error = await Assert.ThrowsAsync<FailException>(() => ExpectMsgAsync<string>());

        Assert.Contains("String", error.Message, StringComparison.Ordinal);
        Assert.Contains("[42] (Int32)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsg_with_a_value_fails_on_a_different_value()
    {
        TestActor.Tell("other");

        var error = await Assert.ThrowsAsync<FailException>(() => ExpectMsgAsync("expected"));

        Assert.Contains("[expected]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[other]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("surprise");

        var error = await Assert.ThrowsAsync<FailException>(() => ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200)));

        Assert.Contains("surprise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectNoMsg_passes_when_nothing_arrives()
    {
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));

        TestActor.Tell("after");
        await ExpectMsgAsync("after");
    }

    [Fact]
    public async Task FishForMessage_skips_until_the_match()
    {
        TestActor.Tell(1);
        TestActor.Tell("skip");
        TestActor.Tell(2);

        Assert.Equal(2, await FishForMessageAsync<int>(n => n == 2));
    }

    [Fact]
    public async Task Within_fails_when_the_body_takes_too_long()
    {
        var error = await Assert.ThrowsAsync<FailException>(() => WithinAsync(TimeSpan.FromMilliseconds(100),
            () => Task.Delay(300))); // allowed: a slow body is what Within must catch

        Assert.Contains("Within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Within_bounds_nested_expect_timeouts_by_the_remaining_time()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<FailException>(() => WithinAsync(TimeSpan.FromMilliseconds(200),
            () => ExpectMsgAsync<string>(TimeSpan.FromSeconds(10))));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task AwaitAssert_rethrows_the_last_failure_after_the_duration()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<EqualException>(() => AwaitAssertAsync(() =>
        {
            attempts++;
            Assert.Equal(1, 2);
        }, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(20)));

        Assert.True(attempts > 1);
    }

    [Fact]
    public async Task AwaitCondition_fails_when_the_condition_never_holds()
    {
        await Assert.ThrowsAsync<FailException>(() => AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Probe_reply_goes_to_the_last_sender()
    {
        var probe = CreateTestProbe("replier");
        probe.Tell("question", TestActor);

        await probe.ExpectMsgAsync("question");
        probe.Reply("answer");

        await ExpectMsgAsync("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public async Task Probe_forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        probe.Tell("hop", TestActor);
        await probe.ExpectMsgAsync("hop");

        probe.Forward(target.Ref);

        await target.ExpectMsgAsync("hop");
        Assert.Equal(TestActor, target.LastSender);
    }

    [Fact]
    public void Dilated_scales_by_the_time_factor()
    {
        Assert.Equal(TimeSpan.FromSeconds(2) * TimeFactor.Value, Dilated(TimeSpan.FromSeconds(2)));
    }
}
