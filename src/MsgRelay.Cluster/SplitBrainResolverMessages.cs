namespace MsgRelay.Cluster;

internal sealed partial class SplitBrainResolver
{
    private sealed record DowningTick
    {
        public static DowningTick Instance { get; } = new();
    }
}
