using System.Collections.Concurrent;
using System.Text;
using Google.Protobuf;

namespace MsgRelay.Remote.Serialization;

/// <summary>
/// Turns messages into (serializer id, manifest, bytes) and back. Protobuf messages must be
/// registered with a stable manifest (the wire name), so a type can be renamed in code without
/// breaking a rolling upgrade; strings are built in for tests and diagnostics.
/// </summary>
public sealed class MessageSerialization
{
    /// <summary>Serializer id of registered protobuf messages; the manifest names the type.</summary>
    public const int ProtobufSerializerId = 1;

    /// <summary>Serializer id of <see cref="string"/> (UTF-8, empty manifest).</summary>
    public const int StringSerializerId = 2;

    private readonly ConcurrentDictionary<Type, string> _manifests = new();
    private readonly ConcurrentDictionary<string, MessageParser> _parsers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Func<object, IMessage>> _toWire = new();
    private readonly ConcurrentDictionary<Type, Func<IMessage, object>> _fromWire = new();

    /// <summary>
    /// Registers a protobuf message type under <paramref name="manifest"/> (e.g. <c>relay.Deliver</c>);
    /// every node must register the same pairs. Registering the same pair twice is harmless.
    /// </summary>
    public void Register<T>(string manifest, MessageParser<T> parser) where T : IMessage<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(manifest);
        ArgumentNullException.ThrowIfNull(parser);
        var existing = _manifests.GetOrAdd(typeof(T), manifest);
        if (existing != manifest)
        {
            throw new InvalidOperationException($"{typeof(T).Name} is already registered as [{existing}]");
        }
        if (!_parsers.TryAdd(manifest, parser) && _parsers[manifest] != parser && _parsers[manifest].GetType() != parser.GetType())
        {
            throw new InvalidOperationException($"Manifest [{manifest}] is already used by another type");
        }
    }

    /// <summary>
    /// Lets an in-process type <typeparamref name="T"/> cross the wire as the protobuf message
    /// <typeparamref name="TWire"/>: it is converted with <paramref name="toWire"/> when sent and
    /// arrives as <typeparamref name="T"/> again through <paramref name="fromWire"/>, so actors keep
    /// their records and only the boundary knows the wire shape.
    /// </summary>
    public void RegisterConversion<T, TWire>(string manifest, MessageParser<TWire> parser, Func<T, TWire> toWire, Func<TWire, T> fromWire)
        where T : notnull
        where TWire : IMessage<TWire>
    {
        ArgumentNullException.ThrowIfNull(toWire);
        ArgumentNullException.ThrowIfNull(fromWire);
        Register(manifest, parser);
        _toWire[typeof(T)] = message => toWire((T)message);
        _fromWire[typeof(TWire)] = wire => fromWire((TWire)wire);
    }

    /// <summary>Whether <paramref name="message"/> can cross the wire.</summary>
    public bool CanSerialize(object message) => message is string || _manifests.ContainsKey(message.GetType()) || _toWire.ContainsKey(message.GetType());

    /// <summary>Serializes; throws <see cref="NotSupportedException"/> for an unregistered type.</summary>
    public (int SerializerId, string Manifest, ByteString Payload) Serialize(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is string text)
        {
            return (StringSerializerId, "", ByteString.CopyFrom(text, Encoding.UTF8));
        }
        if (_toWire.TryGetValue(message.GetType(), out var convert))
        {
            message = convert(message);
        }
        if (message is IMessage proto && _manifests.TryGetValue(message.GetType(), out var manifest))
        {
            return (ProtobufSerializerId, manifest, proto.ToByteString());
        }
        throw new NotSupportedException($"No serializer for {message.GetType().FullName}: register its protobuf type with Remoting.Serialization.Register");
    }

    /// <summary>Deserializes; throws <see cref="NotSupportedException"/> for an unknown serializer or manifest.</summary>
    public object Deserialize(int serializerId, string manifest, ByteString payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return serializerId switch
        {
            StringSerializerId => payload.ToStringUtf8(),
            ProtobufSerializerId when _parsers.TryGetValue(manifest, out var parser) => FromWire(parser.ParseFrom(payload)),
            _ => throw new NotSupportedException($"Unknown serializer {serializerId} / manifest [{manifest}]"),
        };
    }

    private object FromWire(IMessage wire) => _fromWire.TryGetValue(wire.GetType(), out var convert) ? convert(wire) : wire;
}
