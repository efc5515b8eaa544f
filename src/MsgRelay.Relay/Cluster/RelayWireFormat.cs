using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Cluster.Wire;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using MsgRelay.Remote;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The relay's in-process records as they cross nodes (relay.proto). Actors keep using the records;
/// remoting converts at the boundary, turning actor references into full paths and back.
/// </summary>
public static class RelayWireFormat
{
    /// <summary>Registers every relay message that may cross nodes; every node registers the same set.</summary>
    public static void Register(Remoting remoting)
    {
        ArgumentNullException.ThrowIfNull(remoting);
        var s = remoting.Serialization;
        s.RegisterConversion<Route, RouteData>("relay.Route", RouteData.Parser, r => new RouteData { Message = ToData(r.Message) }, d => new Route(FromData(d.Message)));
        s.RegisterConversion<VerifyRecipient, VerifyData>(
            "relay.Verify",
            VerifyData.Parser,
            v => new VerifyData { To = ToData(v.To), From = ToData(v.From), Hops = v.Hops, LocalOnly = v.LocalOnly },
            d => new VerifyRecipient(FromData(d.To), FromData(d.From), d.Hops, d.LocalOnly));
        s.RegisterConversion<DeliveryOutcome, OutcomeData>("relay.Outcome", OutcomeData.Parser, ToData, FromData);
        s.RegisterConversion<RegisterSession, RegisterSessionData>(
            "relay.RegisterSession",
            RegisterSessionData.Parser,
            r => new RegisterSessionData { User = r.User, Entry = ToData(remoting, r.Entry) },
            d => new RegisterSession(d.User, FromData(remoting, d.Entry)));
        s.RegisterConversion<SessionRegistered, SessionRegisteredData>(
            "relay.SessionRegistered",
            SessionRegisteredData.Parser,
            r => new SessionRegisteredData { User = r.User, Tty = r.Tty },
            d => new SessionRegistered(d.User, d.Tty));
        s.RegisterConversion<UnregisterSession, UnregisterSessionData>(
            "relay.UnregisterSession",
            UnregisterSessionData.Parser,
            u => new UnregisterSessionData { User = u.User, Session = remoting.FullPathOf(u.Session) },
            d => new UnregisterSession(d.User, remoting.ResolveActorRef(d.Session)));
        s.RegisterConversion<UpdateSessionPreferences, UpdatePreferencesData>(
            "relay.UpdatePreferences",
            UpdatePreferencesData.Parser,
            u => new UpdatePreferencesData { User = u.User, Session = remoting.FullPathOf(u.Session), Preferences = ToData(u.Preferences) },
            d => new UpdateSessionPreferences(d.User, remoting.ResolveActorRef(d.Session), FromData(d.Preferences)));
        s.RegisterConversion<SessionActivity, SessionActivityData>(
            "relay.SessionActivity",
            SessionActivityData.Parser,
            a => new SessionActivityData { User = a.User, Session = remoting.FullPathOf(a.Session), LastActivity = a.LastActivity.ToUnixTimeMilliseconds() },
            d => new SessionActivity(d.User, remoting.ResolveActorRef(d.Session), FromUnixMs(d.LastActivity)));
        s.RegisterConversion<Deliver, DeliverData>(
            "relay.Deliver",
            DeliverData.Parser,
            d => new DeliverData { AttemptId = d.AttemptId, Message = ToData(d.Message), AcceptedAt = d.AcceptedAt.ToUnixTimeMilliseconds(), IsBroadcast = d.IsBroadcast },
            d => new Deliver(d.AttemptId, FromData(d.Message), FromUnixMs(d.AcceptedAt), d.IsBroadcast));
        s.RegisterConversion<Delivered, DeliveredData>("relay.Delivered", DeliveredData.Parser, d => new DeliveredData { AttemptId = d.AttemptId }, d => new Delivered(d.AttemptId));
        s.RegisterConversion<NotAcknowledged, NotAcknowledgedData>(
            "relay.NotAcknowledged",
            NotAcknowledgedData.Parser,
            n => new NotAcknowledgedData { AttemptId = n.AttemptId, Reason = n.Reason },
            d => new NotAcknowledged(d.AttemptId, d.Reason));
        s.RegisterConversion<GetSessionsOf, GetSessionsOfData>("relay.GetSessionsOf", GetSessionsOfData.Parser, g => new GetSessionsOfData { User = g.User }, d => new GetSessionsOf(d.User));
        s.RegisterConversion<SessionsOf, SessionsOfData>(
            "relay.SessionsOf",
            SessionsOfData.Parser,
            o => new SessionsOfData { Sessions = { o.Sessions.Select(e => ToData(remoting, e)) } },
            d => new SessionsOf([.. d.Sessions.Select(e => FromData(remoting, e))]));
        s.RegisterConversion<DeliverToLocalSessions, DeliverToSessionsData>(
            "relay.DeliverToSessions",
            DeliverToSessionsData.Parser,
            d =>
            {
                var data = new DeliverToSessionsData { Message = ToData(d.Message) };
                if (d.Tty is not null)
                {
                    data.Tty = d.Tty;
                }

                return data;
            },
            d => new DeliverToLocalSessions(FromData(d.Message), d.HasTty ? d.Tty : null));
        s.RegisterConversion<ListSessions, ListSessionsData>("relay.ListSessions", ListSessionsData.Parser, _ => new ListSessionsData(), _ => new ListSessions());
        s.RegisterConversion<SessionList, SessionListData>(
            "relay.SessionList",
            SessionListData.Parser,
            l => new SessionListData { Sessions = { l.Sessions.Select(ToData) } },
            d => new SessionList([.. d.Sessions.Select(FromData)]));
    }

    private static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static RecipientData ToData(Recipient to)
    {
        var data = new RecipientData { User = to.User, TtyIsHint = to.TtyIsHint, AllTerminals = to.AllTerminals };
        if (to.Host is not null)
        {
            data.Host = to.Host;
        }

        if (to.Tty is not null)
        {
            data.Tty = to.Tty;
        }

        return data;
    }

    private static Recipient FromData(RecipientData d) =>
        new(d.User, d.HasHost ? d.Host : null, d.HasTty ? d.Tty : null, d.TtyIsHint, d.AllTerminals);

    private static SenderData ToData(Sender from)
    {
        var data = new SenderData { User = from.User, Host = from.Host };
        if (from.Tty is not null)
        {
            data.Tty = from.Tty;
        }

        return data;
    }

    private static Sender FromData(SenderData d) => new(d.User, d.Host, d.HasTty ? d.Tty : null);

    private static MessageData ToData(RelayMessage m)
    {
        var data = new MessageData
        {
            To = ToData(m.To),
            From = ToData(m.From),
            Body = m.Body,
            Protocol = (int)m.Protocol,
            Hops = m.Hops,
            ForwardPath = { m.Forwarders },
            LocalOnly = m.LocalOnly,
        };
        if (m.Cookie is not null)
        {
            data.Cookie = m.Cookie;
        }

        if (m.SourceAddress is not null)
        {
            data.SourceAddress = m.SourceAddress;
        }

        return data;
    }

    private static RelayMessage FromData(MessageData d) => new(
        FromData(d.To),
        FromData(d.From),
        d.Body,
        (IngressProtocol)d.Protocol,
        d.Hops,
        d.ForwardPath.Count > 0 ? [.. d.ForwardPath] : null,
        d.LocalOnly,
        d.HasCookie ? d.Cookie : null,
        d.HasSourceAddress ? d.SourceAddress : null);

    private static OutcomeData ToData(DeliveryOutcome o)
    {
        var data = new OutcomeData { Status = (int)o.Status, Reason = o.Reason, Autoreplies = { o.Autoreplies } };
        if (o.ForwardedTo is not null)
        {
            data.ForwardedTo = o.ForwardedTo;
        }

        return data;
    }

    private static DeliveryOutcome FromData(OutcomeData d) =>
        new((DeliveryStatus)d.Status, d.Reason, [.. d.Autoreplies], d.HasForwardedTo ? d.ForwardedTo : null);

    private static PreferencesData ToData(SessionPreferences p)
    {
        var data = new PreferencesData { MesgEnabled = p.MesgEnabled, AwayText = p.AwayText };
        foreach (var f in p.Filters)
        {
            var filter = new FilterData { Allow = f.Allow, UserGlob = f.UserGlob };
            if (f.HostGlob is not null)
            {
                filter.HostGlob = f.HostGlob;
            }

            data.Filters.Add(filter);
        }

        return data;
    }

    private static SessionPreferences FromData(PreferencesData? d) => d is null
        ? SessionPreferences.Default
        : new(d.MesgEnabled, d.AwayText, [.. d.Filters.Select(f => new SenderFilter(f.Allow, f.UserGlob, f.HasHostGlob ? f.HostGlob : null))]);

    private static SessionEntryData ToData(Remoting remoting, SessionEntry e) => new()
    {
        Session = remoting.FullPathOf(e.Session),
        Node = e.Node,
        Tty = e.Tty,
        LoginTime = e.LoginTime.ToUnixTimeMilliseconds(),
        LastActivity = e.LastActivity.ToUnixTimeMilliseconds(),
        Preferences = ToData(e.Preferences),
    };

    private static SessionEntry FromData(Remoting remoting, SessionEntryData d) => new(
        d.Session.Length > 0 ? remoting.ResolveActorRef(d.Session) : ActorRefs.Nobody,
        d.Node,
        d.Tty,
        FromUnixMs(d.LoginTime),
        FromUnixMs(d.LastActivity),
        FromData(d.Preferences));

    private static SessionInfoData ToData(SessionInfo i) => new()
    {
        User = i.User,
        Tty = i.Tty,
        Node = i.Node,
        LoginTime = i.LoginTime.ToUnixTimeMilliseconds(),
        IdleMs = (long)i.Idle.TotalMilliseconds,
        MesgEnabled = i.MesgEnabled,
    };

    private static SessionInfo FromData(SessionInfoData d) =>
        new(d.User, d.Tty, d.Node, FromUnixMs(d.LoginTime), TimeSpan.FromMilliseconds(d.IdleMs), d.MesgEnabled);
}
