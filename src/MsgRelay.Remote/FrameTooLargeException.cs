namespace MsgRelay.Remote;

/// <summary>A frame larger than <c>msgrelay.remote.maximum-frame-size</c> was about to be sent.</summary>
public sealed class FrameTooLargeException(int size, int maximum)
    : Exception($"Frame of {size} bytes exceeds msgrelay.remote.maximum-frame-size ({maximum} bytes)")
{
    /// <summary>Size of the rejected payload.</summary>
    public int Size { get; } = size;
}
