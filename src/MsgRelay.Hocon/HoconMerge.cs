namespace MsgRelay.Hocon;

/// <summary>The one merge rule of HOCON, used for duplicate keys, includes and
/// <see cref="Config.WithFallback"/>: objects merge field by field, anything else replaces, and
/// values that are not known until resolve time keep the whole stack.</summary>
internal static class HoconMerge
{
    public static HoconValue Merge(HoconValue older, HoconValue newer)
    {
        switch (newer)
        {
            case HoconObject newerObject:
                return older switch
                {
                    HoconObject olderObject => MergeObjects(olderObject, newerObject),
                    HoconSubstitution or HoconConcatenation or HoconDelayedMerge => Stack(newer, older),
                    _ => newer,
                };
            case HoconSubstitution or HoconConcatenation:
                return Stack(newer, older);
            case HoconDelayedMerge delayed:
                return new HoconDelayedMerge([.. delayed.Stack, .. Flatten(older)]);
            default:
                return newer;
        }
    }

    public static HoconObject MergeObjects(HoconObject older, HoconObject newer)
    {
        var merged = new HoconObject(newer.Origin, older);
        foreach (var (key, value) in newer)
        {
            merged.MergeField(key, value);
        }

        return merged;
    }

    private static HoconDelayedMerge Stack(HoconValue newer, HoconValue older) =>
        new([newer, .. Flatten(older)]);

    private static IEnumerable<HoconValue> Flatten(HoconValue value) =>
        value is HoconDelayedMerge d ? d.Stack : [value];
}
