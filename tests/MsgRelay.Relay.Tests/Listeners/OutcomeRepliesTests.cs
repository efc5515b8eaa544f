using System.Buffers;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class OutcomeRepliesTests
{
    public static TheoryData<DeliveryStatus, int, int, string, bool, bool> Rows => new()
    {
        // status, SEND, VRFY, MSP2 TCP, MSP2 UDP acknowledged, MSP1 UDP echoed
        { DeliveryStatus.Delivered, 103, 108, "+\0", true, true },
        { DeliveryStatus.Forwarded, 104, 110, "+\0", true, true },
        { DeliveryStatus.NotLoggedIn, 670, 670, "-why\0", false, true },
        { DeliveryStatus.Refused, 669, 669, "-why\0", false, true },
        { DeliveryStatus.NoSuchUser, 671, 671, "-why\0", false, true },
        { DeliveryStatus.ForwardFailed, 677, 677, "-why\0", false, true },
        { DeliveryStatus.Malformed, 668, 668, "-why\0", false, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_outcome_maps_to_the_reply_table_row(DeliveryStatus status, int send, int verify, string msp2Tcp, bool msp2Udp, bool msp1Udp)
    {
        var outcome = new DeliveryOutcome(status, "why", [], "alice@b.example");
        var buffer = new ArrayBufferWriter<byte>();
        OutcomeReplies.WriteMsp2Tcp(buffer, outcome);

        Assert.Equal(send, OutcomeReplies.ForSend(outcome).Code);
        Assert.Equal(verify, OutcomeReplies.ForVerify(outcome).Code);
        Assert.Equal(msp2Tcp, Wire.Text(buffer.WrittenSpan));
        Assert.Equal(msp2Udp, OutcomeReplies.Msp2UdpAcknowledges(outcome, namedRecipient: true));
        Assert.Equal(msp1Udp, OutcomeReplies.Msp1UdpEchoes(outcome));
    }

    [Fact]
    public void Msp2_udp_is_silent_for_a_message_without_a_named_recipient()
    {
        Assert.False(OutcomeReplies.Msp2UdpAcknowledges(DeliveryOutcome.Delivered(), namedRecipient: false));
    }

    [Fact]
    public void Vrfy_forwarded_carries_the_address_in_angle_brackets()
    {
        Assert.Equal("110 Recipient ok to forward <alice@b.example>.", OutcomeReplies.ForVerify(DeliveryOutcome.Forwarded("alice@b.example")).ToString());
    }

    [Fact]
    public void Send_writes_autoreplies_only_for_a_success()
    {
        var delivered = new ArrayBufferWriter<byte>();
        var refused = new ArrayBufferWriter<byte>();
        OutcomeReplies.WriteSend(delivered, DeliveryOutcome.Delivered(["away"]), 300);
        OutcomeReplies.WriteSend(refused, new DeliveryOutcome(DeliveryStatus.Refused, "no", ["away"]), 300);

        Assert.Equal("300 |away\n103 Message delivered.\n100 Ready.\n", Wire.Text(delivered.WrittenSpan));
        Assert.Equal("669 Message refused.\n100 Ready.\n", Wire.Text(refused.WrittenSpan));
    }
}
