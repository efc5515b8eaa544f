using MsgRelay.Actors;
using System.Security.Cryptography;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Agents;
using Xunit;

namespace MsgRelay.Relay.Tests.Directory;

/// <summary>The UserDirectory entity end to end: real agent sessions, the region and the router.</summary>
public sealed class UserDirectoryTests : RelayTestKit
{
    private async Task<DeliveryOutcome> OutcomeAsync(RelayMessage message) => await Route(message).ExpectMsgAsync<DeliveryOutcome>();

    private static async Task AckAsync(AgentClient agent)
    {
        var delivery = await agent.ExpectDeliveryAsync();
        Assert.Equal("112 Ok.", await agent.CommandAsync($"QUOTE ACK {delivery.Id}"));
    }

    [Fact]
    public async Task Rule_1_no_session_is_not_logged_in()
    {
        var outcome = await OutcomeAsync(Message("nobody"));

        Assert.Equal(DeliveryStatus.NotLoggedIn, outcome.Status);
    }

    [Fact]
    public async Task Recipient_name_is_case_insensitive()
    {
        var bob = await LoginAsync("Bob");
        var sender = Route(Message("BOB"));

        await AckAsync(bob);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_2_mesg_n_on_every_session_is_refused()
    {
        var one = await LoginAsync("bob");
        var two = await LoginAsync("bob");
        Assert.Equal("112 Ok.", await one.CommandAsync("QUOTE MESG n"));
        Assert.Equal("112 Ok.", await two.CommandAsync("QUOTE MESG n"));

        Assert.Equal(DeliveryStatus.Refused, (await OutcomeAsync(Message("bob"))).Status);
    }

    [Fact]
    public async Task Rule_2_deny_rule_refuses_only_the_matching_sender()
    {
        var bob = await LoginAsync("bob");
        Assert.Equal("112 Ok.", await bob.CommandAsync("QUOTE DENY mallory@*"));

        Assert.Equal(DeliveryStatus.Refused, (await OutcomeAsync(Message("bob", from: "mallory"))).Status);

        var sender = Route(Message("bob", from: "alice"));
        await AckAsync(bob);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_2_allow_after_deny_all_admits_only_the_allowed_sender()
    {
        var bob = await LoginAsync("bob");
        Assert.Equal("112 Ok.", await bob.CommandAsync("QUOTE DENY *"));
        Assert.Equal("112 Ok.", await bob.CommandAsync("QUOTE ALLOW alice@192.0.2.*"));

        Assert.Equal(DeliveryStatus.Refused, (await OutcomeAsync(Message("bob", from: "carol"))).Status);

        var sender = Route(Message("bob", from: "alice"));
        await AckAsync(bob);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Mesg_y_after_mesg_n_accepts_again()
    {
        var bob = await LoginAsync("bob");
        await bob.CommandAsync("QUOTE MESG n");
        Assert.Equal(DeliveryStatus.Refused, (await OutcomeAsync(Message("bob"))).Status);
        await bob.CommandAsync("QUOTE MESG y");

        var sender = Route(Message("bob"));
        await AckAsync(bob);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Entity_without_sessions_passivates_after_its_idle_time()
    {
        await OutcomeAsync(Message("carol"));
        var before = await Relay.Directory.Ask<RegionEntities>(new GetRegionEntities(), TimeSpan.FromSeconds(3));
        Assert.Contains("carol", before.EntitiesByShard.Values.SelectMany(ids => ids));

        Scheduler.Advance(UserDirectory.PassivateAfter);

        await AwaitAssertAsync(async () =>
        {
            var after = await Relay.Directory.Ask<RegionEntities>(new GetRegionEntities(), TimeSpan.FromSeconds(3));
            Assert.DoesNotContain("carol", after.EntitiesByShard.Values.SelectMany(ids => ids));
        });
        Assert.Equal(DeliveryStatus.NotLoggedIn, (await OutcomeAsync(Message("carol"))).Status);
    }

    [Fact]
    public async Task Entity_with_a_session_does_not_passivate()
    {
        var bob = await LoginAsync("bob");

        Scheduler.Advance(UserDirectory.PassivateAfter * 2);

        var sender = Route(Message("bob"));
        await AckAsync(bob);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_3_exact_tty_goes_to_that_session()
    {
        var one = await LoginAsync("bob", "pts/1");
        var two = await LoginAsync("bob", "pts/2");
        Assert.Equal("112 Ok.", await two.CommandAsync("QUOTE PING"));

        var sender = Route(Message("bob", tty: "pts/1"));

        await AckAsync(one);
        await two.Connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_3_exact_tty_that_is_absent_is_not_logged_in()
    {
        await LoginAsync("bob", "pts/1");

        var outcome = await OutcomeAsync(Message("bob", tty: "pts/9"));

        Assert.Equal(DeliveryStatus.NotLoggedIn, outcome.Status);
    }

    [Fact]
    public async Task Rule_3_hint_falls_back_to_the_best_session()
    {
        var one = await LoginAsync("bob", "pts/1");
        var sender = Route(Message("bob", tty: "pts/9", hint: true));

        await AckAsync(one);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_3_no_tty_goes_to_the_least_idle_session()
    {
        var older = await LoginAsync("bob", "pts/1");
        var newer = await LoginAsync("bob", "pts/2");

        // pts/1 becomes the least idle: its agent speaks later, past the activity report interval.
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("112 Ok.", await older.CommandAsync("QUOTE PING"));
        await AwaitAssertAsync(async () =>
        {
            var sessions = await Relay.Directory.Ask<UserSessions>(new ShardEnvelope("bob", new GetUserSessions("bob")), TimeSpan.FromSeconds(3));
            Assert.Equal("pts/1", SessionSelection.Best(sessions.Sessions)!.Tty);
        });

        var sender = Route(Message("bob"));

        await AckAsync(older);
        await newer.Connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_3_a_later_login_is_less_idle_and_wins()
    {
        var first = await LoginAsync("bob", "pts/1");
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        var second = await LoginAsync("bob", "pts/2");

        var sender = Route(Message("bob"));

        await AckAsync(second);
        await first.Connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_3_star_goes_to_every_session_and_one_ack_is_enough()
    {
        var one = await LoginAsync("bob", "pts/1");
        var two = await LoginAsync("bob", "pts/2");

        var sender = Route(Message("bob", all: true));

        await two.ExpectDeliveryAsync();
        await AckAsync(one);
        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_4_no_acknowledgement_from_any_session_is_not_delivered()
    {
        var one = await LoginAsync("bob", "pts/1");
        var two = await LoginAsync("bob", "pts/2");
        var sender = Route(Message("bob", all: true));
        await one.ExpectDeliveryAsync();
        await two.ExpectDeliveryAsync();

        Scheduler.Advance(AckTimeout);

        var outcome = await sender.ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.NotLoggedIn, outcome.Status);
        Assert.False(outcome.IsSuccess);
    }

    [Fact]
    public async Task Rule_4_session_ending_before_its_ack_is_not_delivered_at_once()
    {
        var bob = await LoginAsync("bob");
        var sender = Route(Message("bob"));
        await bob.ExpectDeliveryAsync();

        Sys.Stop(bob.Session);

        Assert.Equal(DeliveryStatus.NotLoggedIn, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Rule_4_away_text_comes_back_as_autoreply()
    {
        var bob = await LoginAsync("bob");
        Assert.Equal("112 Ok.", await bob.CommandAsync("QUOTE AWAY Gone fishing, back at 3"));
        var sender = Route(Message("bob"));

        await AckAsync(bob);

        var outcome = await sender.ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal(["Gone fishing, back at 3"], outcome.Autoreplies);
    }

    [Fact]
    public async Task Empty_away_clears_the_autoreply()
    {
        var bob = await LoginAsync("bob");
        await bob.CommandAsync("QUOTE AWAY lunch");
        Assert.Equal("112 Ok.", await bob.CommandAsync("QUOTE AWAY"));
        var sender = Route(Message("bob"));

        await AckAsync(bob);

        Assert.Empty((await sender.ExpectMsgAsync<DeliveryOutcome>()).Autoreplies);
    }

    [Fact]
    public async Task Verify_answers_without_delivering()
    {
        var bob = await LoginAsync("bob");
        var asker = CreateTestProbe();

        Relay.Router.Tell(new VerifyRecipient(new Recipient("bob"), new Sender("alice", "h")), asker.Ref);
        Assert.Equal(DeliveryStatus.Delivered, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
        Relay.Router.Tell(new VerifyRecipient(new Recipient("carol"), new Sender("alice", "h")), asker.Ref);
        Assert.Equal(DeliveryStatus.NotLoggedIn, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
        await bob.Connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }
}

/// <summary>With a user list configured, unknown users are 671.</summary>
public sealed class UserDirectoryWithUserListTests : RelayTestKit
{
    protected override RelaySettings Settings => base.Settings with
    {
        Auth = new AuthSettings { UserKeys = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase) { ["bob"] = SHA256.HashData("k"u8) } },
    };

    [Fact]
    public async Task Unlisted_user_without_session_is_no_such_user()
    {
        Assert.Equal(DeliveryStatus.NoSuchUser, (await Route(Message("carol")).ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Listed_user_without_session_is_not_logged_in()
    {
        Assert.Equal(DeliveryStatus.NotLoggedIn, (await Route(Message("bob")).ExpectMsgAsync<DeliveryOutcome>()).Status);
    }
}
