using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

public sealed class ConnectionActorSniffTests : ConnectionActorTestBase
{
    [Fact]
    public async Task Msp_first_bytes_on_a_shared_port_are_read_as_msp_without_a_greeting()
    {
        await StartAsync(PortProtocols.Both);
        ClientSends(Wire.Msp2("alice", "hi"));

        await Router.ExpectMsgAsync<Route>();
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("+\0");
    }

    [Fact]
    public async Task Silence_until_the_sniff_window_ends_greets_as_rwp()
    {
        await StartAsync(PortProtocols.Both);
        await ExpectNoMsgAsync();

        Scheduler.Advance(TimeSpan.FromMilliseconds(20));

        await ExpectWriteAsync("100 Ready.\n");
    }

    [Fact]
    public async Task An_msp_client_slower_than_the_sniff_window_is_still_served_as_msp_after_the_greeting()
    {
        await StartAsync(PortProtocols.Both);
        Scheduler.Advance(TimeSpan.FromMilliseconds(20));
        await ExpectWriteAsync("100 Ready.\n");

        ClientSends(Wire.Msp2("alice", "late"));

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("late", route.Message.Body);
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("+\0");
    }

    [Fact]
    public async Task After_the_first_rwp_command_msp_bytes_are_no_longer_taken_for_a_late_msp_client()
    {
        await StartAsync(PortProtocols.Both);
        Scheduler.Advance(TimeSpan.FromMilliseconds(20));
        await ExpectWriteAsync("100 Ready.\n");
        ClientSends("PROT\n");
        await ExpectWriteAsync("502 RWP version 1.0.\n100 Ready.\n");

        ClientSends([.. Wire.Msp2("alice", "late"), (byte)'\n']);

        Assert.StartsWith("668", await ExpectWriteAsync(), StringComparison.Ordinal);
        await Router.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Rwp_client_that_talks_first_is_greeted_and_answered_in_one_write()
    {
        await StartAsync(PortProtocols.Both);
        ClientSends("PROT\n");

        await ExpectWriteAsync("100 Ready.\n502 RWP version 1.0.\n100 Ready.\n");
    }

    [Fact]
    public async Task Bye_is_rwp_although_it_starts_with_an_msp_revision_letter()
    {
        await StartAsync(PortProtocols.Both);
        ClientSends("BYE\n");

        await ExpectWriteAsync("100 Ready.\n101 Goodbye.\n");
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Undecided_first_bytes_wait_for_more()
    {
        await StartAsync(PortProtocols.Both);
        ClientSends("Bali");
        await ExpectNoMsgAsync();
        ClientSends(Wire.Latin1("ce\0\0hi\0sandy\0\0c1\0\0"));

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("alice", route.Message.To.User);
    }

    [Fact]
    public async Task Reading_pauses_while_unparsed_input_piles_up_behind_a_pending_route_and_resumes_after()
    {
        await StartAsync(PortProtocols.Rwp);
        await ExpectWriteAsync("100 Ready.\n");
        ClientSends("TO alice\nVRFY\n");
        await ExpectWriteAsync("106 Recipient ok.\n100 Ready.\n");
        await Router.ExpectMsgAsync<VerifyRecipient>();
        Assert.False(Transport.IsPaused);

        ClientSends(string.Concat(Enumerable.Repeat("RSET\n", 4000)));
        await AwaitConditionAsync(() => Transport.IsPaused);
        Router.Reply(DeliveryOutcome.Delivered());

        var answers = await ExpectWriteAsync();
        Assert.StartsWith("108 Recipient ok to send.\n100 Ready.\n109 RSET ok.\n", answers, StringComparison.Ordinal);
        Assert.Equal(4000, answers.Split("109 RSET ok.").Length - 1);
        await AwaitConditionAsync(() => !Transport.IsPaused);
    }
}
