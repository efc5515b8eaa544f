using MsgRelay.Protocols.Msp;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class IngressMappingTests
{
    [Fact]
    public void Msp_message_takes_its_sender_host_from_the_transport_and_normalises_line_breaks()
    {
        var message = new MspMessage(2, "chris@b.example", "", "Hi\r\nHow about lunch?", "sandy", "console", "910806121325", "");

        var mapped = IngressMapping.FromMsp(message, IngressProtocol.Msp2Udp, "10.0.0.5");

        Assert.Equal(new Recipient("chris", "b.example"), mapped.To);
        Assert.Equal(new Sender("sandy", "10.0.0.5", "console"), mapped.From);
        Assert.Equal("Hi\nHow about lunch?", mapped.Body);
        Assert.Equal("910806121325", mapped.Cookie);
        Assert.Equal("10.0.0.5", mapped.SourceAddress);
        Assert.Equal(IngressProtocol.Msp2Udp, mapped.Protocol);
    }

    [Fact]
    public void Msp_broadcast_is_an_empty_recipient_on_all_terminals()
    {
        var mapped = IngressMapping.FromMsp(new MspMessage(2, "", "*", "wall", "root", "", "c", ""), IngressProtocol.Msp2Udp, "10.0.0.5");

        Assert.True(mapped.To.IsBroadcast);
    }

    [Fact]
    public void Rwp_envelope_keeps_hops_forward_path_and_local_only()
    {
        var envelope = new RwpEnvelope("sandy", new RwpRecipient("alice", null, "pts/3", TtyIsHint: true), "a\r\nb")
        {
            HostPath = new RwpHostPath("origin.example", ["hop1.example"]),
            ForwardCount = 9,
            LocalOnly = true,
        };

        var mapped = IngressMapping.FromRwp(envelope, IngressProtocol.RwpTcp, "10.0.0.5");

        Assert.Equal(new Recipient("alice", null, "pts/3", TtyIsHint: true), mapped.To);
        Assert.Equal(new Sender("sandy", "origin.example"), mapped.From);
        Assert.Equal("a\nb", mapped.Body);
        Assert.Equal(9, mapped.Hops);
        Assert.Equal(["hop1.example"], mapped.Forwarders);
        Assert.True(mapped.LocalOnly);
        Assert.Equal("10.0.0.5", mapped.SourceAddress);
    }

    [Fact]
    public void Rwp_envelope_without_fhst_is_from_the_peer()
    {
        var mapped = IngressMapping.FromRwp(new RwpEnvelope("sandy", new RwpRecipient("alice"), "x"), IngressProtocol.RwpUdp, "10.0.0.5");

        Assert.Equal("10.0.0.5", mapped.From.Host);
        Assert.Equal(0, mapped.Hops);
        Assert.Empty(mapped.Forwarders);
    }
}
