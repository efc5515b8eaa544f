using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Delivery;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Delivery;

/// <summary>
/// The open-attempt table of a directory entity or registry: probes stand in for sessions and
/// asker, the test calls the table the way the owner's handlers do.
/// </summary>
public sealed class PendingAttemptsTests : TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(6);
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static RelayMessage Message() =>
        new(new Recipient("bob"), new Sender("alice", "192.0.2.1", "pts/1"), "hello", IngressProtocol.RwpTcp);

    private (PendingAttempts Table, TestProbe Asker, TestProbe[] Sessions, List<(string, DeliveryOutcome)> Answered) Open(int sessions, string? duplicateKey = null)
    {
        var answered = new List<(string, DeliveryOutcome)>();
        var table = new PendingAttempts(Deadline, (key, outcome) => answered.Add((key, outcome)));
        var asker = CreateTestProbe();
        var probes = Enumerable.Range(0, sessions).Select(_ => CreateTestProbe()).ToArray();
        table.Start([.. probes.Select(p => p.Ref)], Message(), isBroadcast: false, asker.Ref, "bob", ["away"], duplicateKey, TestActor, T0);
        return (table, asker, probes, answered);
    }

    [Fact]
    public async Task Every_chosen_session_is_told_to_deliver_with_the_owner_as_sender()
    {
        var (_, _, sessions, _) = Open(2);

        foreach (var session in sessions)
        {
            var deliver = await session.ExpectMsgAsync<Deliver>();
            Assert.Equal("hello", deliver.Message.Body);
            Assert.Equal(T0, deliver.AcceptedAt);
            Assert.Equal(TestActor, session.LastSender);
        }
    }

    [Fact]
    public async Task First_acknowledgement_answers_delivered_once_with_the_autoreplies()
    {
        var (table, asker, sessions, _) = Open(2);
        var id = (await sessions[0].ExpectMsgAsync<Deliver>()).AttemptId;

        table.Acknowledged(id);
        table.Acknowledged(id);
        table.Declined(id, sessions[1].Ref);

        var outcome = await asker.ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(["away"], outcome.Autoreplies);
        await asker.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task Not_delivered_only_after_the_last_session_declined()
    {
        var (table, asker, sessions, _) = Open(2);
        var id = (await sessions[0].ExpectMsgAsync<Deliver>()).AttemptId;

        table.Declined(id, sessions[0].Ref);
        table.Declined(id, sessions[0].Ref);
        await asker.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        table.Declined(id, sessions[1].Ref);

        Assert.Equal(DeliveryStatus.NotLoggedIn, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task A_session_that_ends_counts_as_declined_for_every_attempt_waiting_for_it()
    {
        var (table, asker, sessions, _) = Open(1);
        var second = CreateTestProbe();
        table.Start([sessions[0].Ref], Message(), isBroadcast: false, second.Ref, "bob", [], null, TestActor, T0);

        table.SessionGone(sessions[0].Ref);

        Assert.Equal(DeliveryStatus.NotLoggedIn, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Equal(DeliveryStatus.NotLoggedIn, (await second.ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Null(table.NextDue);
    }

    [Fact]
    public async Task An_attempt_nobody_answers_is_not_delivered_at_its_deadline_and_not_before()
    {
        var (table, asker, _, _) = Open(1);
        Assert.Equal(T0 + Deadline, table.NextDue);

        table.Expire(T0 + Deadline - TimeSpan.FromMilliseconds(1));
        await asker.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        table.Expire(T0 + Deadline);

        Assert.Equal(DeliveryStatus.NotLoggedIn, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task The_next_deadline_skips_attempts_already_answered()
    {
        var (table, _, sessions, _) = Open(1);
        var later = T0 + TimeSpan.FromSeconds(2);
        table.Start([sessions[0].Ref], Message(), isBroadcast: false, CreateTestProbe().Ref, "bob", [], null, TestActor, later);
        var first = (await sessions[0].ExpectMsgAsync<Deliver>()).AttemptId;

        table.Acknowledged(first);

        Assert.Equal(later + Deadline, table.NextDue);
    }

    [Fact]
    public async Task An_attempt_with_a_duplicate_key_reports_its_answer_to_the_owner()
    {
        var (table, asker, sessions, answered) = Open(1, duplicateKey: "key-1");
        table.Acknowledged((await sessions[0].ExpectMsgAsync<Deliver>()).AttemptId);

        await asker.ExpectMsgAsync<DeliveryOutcome>();
        var (key, outcome) = Assert.Single(answered);
        Assert.Equal("key-1", key);
        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
    }
}
