using MsgRelay.Actors;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Directory;

public sealed class SessionSelectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly Sender Alice = new("alice", "192.0.2.1");

    private static SessionEntry Session(string tty, int loginMinute = 0, int activeMinute = 0, SessionPreferences? preferences = null) =>
        new(ActorRefs.Nobody, "node1", tty, T0.AddMinutes(loginMinute), T0.AddMinutes(activeMinute), preferences ?? SessionPreferences.Default);

    private static SessionPreferences MesgN => SessionPreferences.Default with { MesgEnabled = false };

    [Fact]
    public void No_session_is_rule_1()
    {
        var choice = SessionSelection.Choose([], new Recipient("bob"), Alice);
        Assert.Equal(SessionChoiceKind.NoSession, choice.Kind);
    }

    [Fact]
    public void No_tty_picks_the_least_idle_session()
    {
        SessionEntry[] sessions = [Session("a", activeMinute: 5), Session("b", activeMinute: 9), Session("c", activeMinute: 1)];

        var choice = SessionSelection.Choose(sessions, new Recipient("bob"), Alice);

        Assert.Equal(SessionChoiceKind.Chosen, choice.Kind);
        Assert.Equal("b", Assert.Single(choice.Sessions).Tty);
    }

    [Fact]
    public void Equally_idle_sessions_fall_back_to_the_most_recent_login()
    {
        SessionEntry[] sessions = [Session("a", loginMinute: 1, activeMinute: 9), Session("b", loginMinute: 3, activeMinute: 9)];

        Assert.Equal("b", Assert.Single(SessionSelection.Choose(sessions, new Recipient("bob"), Alice).Sessions).Tty);
    }

    [Fact]
    public void Exact_tty_picks_that_session_even_when_another_is_less_idle()
    {
        SessionEntry[] sessions = [Session("pts/1", activeMinute: 1), Session("pts/2", activeMinute: 9)];

        var choice = SessionSelection.Choose(sessions, new Recipient("bob", Tty: "PTS/1"), Alice);

        Assert.Equal("pts/1", Assert.Single(choice.Sessions).Tty);
    }

    [Fact]
    public void Exact_tty_that_is_absent_is_no_such_terminal()
    {
        var choice = SessionSelection.Choose([Session("pts/1")], new Recipient("bob", Tty: "pts/9"), Alice);
        Assert.Equal(SessionChoiceKind.NoSuchTerminal, choice.Kind);
    }

    [Fact]
    public void Exact_tty_with_mesg_n_is_refused_even_if_another_session_accepts()
    {
        SessionEntry[] sessions = [Session("pts/1", preferences: MesgN), Session("pts/2")];
        Assert.Equal(SessionChoiceKind.Refused, SessionSelection.Choose(sessions, new Recipient("bob", Tty: "pts/1"), Alice).Kind);
    }

    [Fact]
    public void Hint_picks_the_hinted_session_when_present()
    {
        SessionEntry[] sessions = [Session("pts/1", activeMinute: 1), Session("pts/2", activeMinute: 9)];
        var choice = SessionSelection.Choose(sessions, new Recipient("bob", Tty: "pts/1", TtyIsHint: true), Alice);
        Assert.Equal("pts/1", Assert.Single(choice.Sessions).Tty);
    }

    [Fact]
    public void Hint_falls_back_to_the_best_session_when_absent()
    {
        SessionEntry[] sessions = [Session("pts/1", activeMinute: 1), Session("pts/2", activeMinute: 9)];
        var choice = SessionSelection.Choose(sessions, new Recipient("bob", Tty: "pts/7", TtyIsHint: true), Alice);
        Assert.Equal("pts/2", Assert.Single(choice.Sessions).Tty);
    }

    [Fact]
    public void Star_picks_every_accepting_session()
    {
        SessionEntry[] sessions = [Session("a"), Session("b", preferences: MesgN), Session("c")];
        var choice = SessionSelection.Choose(sessions, new Recipient("bob", AllTerminals: true), Alice);
        Assert.Equal(["a", "c"], choice.Sessions.Select(s => s.Tty));
    }

    [Fact]
    public void Mesg_n_on_every_session_is_refused()
    {
        SessionEntry[] sessions = [Session("a", preferences: MesgN), Session("b", preferences: MesgN)];
        Assert.Equal(SessionChoiceKind.Refused, SessionSelection.Choose(sessions, new Recipient("bob"), Alice).Kind);
    }

    [Fact]
    public void Best_skips_a_less_idle_session_that_refuses()
    {
        SessionEntry[] sessions = [Session("a", activeMinute: 9, preferences: MesgN), Session("b", activeMinute: 1)];
        Assert.Equal("b", Assert.Single(SessionSelection.Choose(sessions, new Recipient("bob"), Alice).Sessions).Tty);
    }

    [Fact]
    public void Deny_rule_matching_the_sender_refuses()
    {
        var deny = SessionPreferences.Default with { Filters = [new SenderFilter(false, "alice", null)] };
        Assert.Equal(SessionChoiceKind.Refused, SessionSelection.Choose([Session("a", preferences: deny)], new Recipient("bob"), Alice).Kind);
        Assert.Equal(SessionChoiceKind.Chosen, SessionSelection.Choose([Session("a", preferences: deny)], new Recipient("bob"), new Sender("carol", "h")).Kind);
    }

    [Fact]
    public void Outcomes_without_delivery_follow_the_reply_table()
    {
        var none = SessionChoice.None(SessionChoiceKind.NoSession);
        Assert.Equal(DeliveryStatus.NotLoggedIn, DeliveryDecision.WithoutDelivery(none, "bob", hasUserList: false, isListed: false)!.Status);
        Assert.Equal(DeliveryStatus.NoSuchUser, DeliveryDecision.WithoutDelivery(none, "bob", hasUserList: true, isListed: false)!.Status);
        Assert.Equal(DeliveryStatus.NotLoggedIn, DeliveryDecision.WithoutDelivery(none, "bob", hasUserList: true, isListed: true)!.Status);
        Assert.Equal(DeliveryStatus.NotLoggedIn, DeliveryDecision.WithoutDelivery(SessionChoice.None(SessionChoiceKind.NoSuchTerminal), "bob", true, false)!.Status);
        Assert.Equal(DeliveryStatus.Refused, DeliveryDecision.WithoutDelivery(SessionChoice.None(SessionChoiceKind.Refused), "bob", false, false)!.Status);
        Assert.Null(DeliveryDecision.WithoutDelivery(new SessionChoice(SessionChoiceKind.Chosen, [Session("a")]), "bob", false, false));
    }

    [Fact]
    public void Acknowledgements_decide_delivered_or_not_delivered()
    {
        Assert.Equal(DeliveryStatus.Delivered, DeliveryDecision.AfterDelivery(1, "bob", ["away"]).Status);
        Assert.Equal(["away"], DeliveryDecision.AfterDelivery(1, "bob", ["away"]).Autoreplies);
        var failed = DeliveryDecision.AfterDelivery(0, "bob", []);
        Assert.Equal(DeliveryStatus.NotLoggedIn, failed.Status);
        Assert.False(failed.IsSuccess);
        Assert.StartsWith("not delivered", failed.Reason);
    }

    [Fact]
    public void Autoreplies_are_the_distinct_away_texts_of_the_chosen_sessions()
    {
        var away = SessionPreferences.Default with { AwayText = "at lunch" };
        Assert.Equal(["at lunch"], DeliveryDecision.Autoreplies([Session("a", preferences: away), Session("b", preferences: away), Session("c")]));
    }
}
