using System.Text;

namespace MsgRelay.Actors;

/// <summary>
/// The location of an actor in its system's hierarchy, printed as
/// <c>msgrelay://&lt;system&gt;/user/parent/child</c> (Akka's <c>akka://</c> form with our scheme),
/// or <c>msgrelay://&lt;system&gt;@host:port/user/...</c> for an actor reached through remoting.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    /// <summary>The URI scheme of local actor paths.</summary>
    public const string Scheme = "msgrelay";

    private ActorPath(string systemName, string name, ActorPath? parent, string? host = null, int port = 0)
    {
        SystemName = systemName;
        Name = name;
        Parent = parent;
        Host = host;
        Port = port;
    }

    /// <summary>Name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>Last element of the path; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The parent path, or null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>Host of a remote actor's node; null for a path of the local system.</summary>
    public string? Host { get; }

    /// <summary>Port of a remote actor's node; 0 when <see cref="Host"/> is null.</summary>
    public int Port { get; }

    /// <summary><c>msgrelay://&lt;system&gt;</c>, or <c>msgrelay://&lt;system&gt;@host:port</c> when the path has a host.</summary>
    public string Address => Host is null
        ? $"{Scheme}://{SystemName}"
        : $"{Scheme}://{SystemName}@{Host}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The path elements below the root, e.g. <c>["user", "echo"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                elements.Add(p.Name);
            }
            elements.Reverse();
            return elements;
        }
    }

    /// <summary>The root path of a system.</summary>
    public static ActorPath CreateRoot(string systemName) => new(systemName, "", null);

    /// <summary>The root path of a system on another node (used by remoting).</summary>
    public static ActorPath CreateRoot(string systemName, string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return new(systemName, "", null, host, port);
    }

    /// <summary>A child path of this path.</summary>
    public ActorPath Child(string name) => new(SystemName, name, this, Host, Port);

    /// <summary>Shorthand for <see cref="Child"/>.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>The path without the address part, e.g. <c>/user/echo</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }
        var sb = new StringBuilder();
        AppendElements(sb, this);
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder(Address);
        if (Parent is null)
        {
            return sb.Append('/').ToString();
        }
        AppendElements(sb, this);
        return sb.ToString();
    }

    private static void AppendElements(StringBuilder sb, ActorPath path)
    {
        if (path.Parent is null)
        {
            return;
        }
        AppendElements(sb, path.Parent);
        sb.Append('/').Append(path.Name);
    }

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other.Name != Name || other.SystemName != SystemName || other.Host != Host || other.Port != Port)
        {
            return false;
        }
        return Equals(Parent, other.Parent);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Parent?.GetHashCode() ?? SystemName.GetHashCode(StringComparison.Ordinal));

    /// <summary>Value equality of two paths.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => Equals(left, right);

    /// <summary>Value inequality of two paths.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !Equals(left, right);
}
