using Google.Protobuf;
using MsgRelay.Remote.Serialization;
using MsgRelay.Remote.Wire;

namespace MsgRelay.Remote.Tests;

public class MessageSerializationTests
{
    [Fact]
    public void Registered_protobuf_message_round_trips_with_its_manifest()
    {
        var serialization = new MessageSerialization();
        serialization.Register("test.Watch", WatchRemote.Parser);
        var (id, manifest, payload) = serialization.Serialize(new WatchRemote { Watchee = "/user/a", Watcher = "w" });
        Assert.Equal(MessageSerialization.ProtobufSerializerId, id);
        Assert.Equal("test.Watch", manifest);
        var back = Assert.IsType<WatchRemote>(serialization.Deserialize(id, manifest, payload));
        Assert.Equal("/user/a", back.Watchee);
    }

    [Fact]
    public void Unregistered_type_is_refused_with_a_hint()
    {
        var serialization = new MessageSerialization();
        var e = Assert.Throws<NotSupportedException>(() => serialization.Serialize(new object()));
        Assert.Contains("Register", e.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => serialization.Deserialize(1, "nope", ByteString.Empty));
    }

    [Fact]
    public void Strings_need_no_registration()
    {
        var serialization = new MessageSerialization();
        var (id, manifest, payload) = serialization.Serialize("héllo");
        Assert.Equal("héllo", serialization.Deserialize(id, manifest, payload));
    }

    [Fact]
    public void One_type_cannot_take_two_manifests()
    {
        var serialization = new MessageSerialization();
        serialization.Register("a", WatchRemote.Parser);
        Assert.Throws<InvalidOperationException>(() => serialization.Register("b", WatchRemote.Parser));
    }

    [Fact]
    public void Converted_record_crosses_as_its_wire_message_and_arrives_as_the_record()
    {
        var serialization = new MessageSerialization();
        serialization.RegisterConversion<WatchPair, WatchRemote>(
            "test.WatchPair",
            WatchRemote.Parser,
            pair => new WatchRemote { Watchee = pair.Watchee, Watcher = pair.Watcher },
            wire => new WatchPair(wire.Watchee, wire.Watcher));
        Assert.True(serialization.CanSerialize(new WatchPair("a", "b")));
        var (id, manifest, payload) = serialization.Serialize(new WatchPair("/user/a", "w"));
        Assert.Equal("test.WatchPair", manifest);
        Assert.Equal("/user/a", WatchRemote.Parser.ParseFrom(payload).Watchee);
        Assert.Equal(new WatchPair("/user/a", "w"), serialization.Deserialize(id, manifest, payload));
    }

    private sealed record WatchPair(string Watchee, string Watcher);
}
