using System.Globalization;

namespace MsgRelay.Actors.TestKit;

/// <summary>
/// The one time factor (<c>msgrelay.test.time-factor</c>) that scales every default timeout of
/// the TestKit. Set the environment variable <c>MSGRELAY_TEST_TIME_FACTOR</c> (e.g. 3 on a slow CI
/// machine); default 1.0.
/// </summary>
public static class TimeFactor
{
    /// <summary>The environment variable read once per process.</summary>
    public const string EnvironmentVariable = "MSGRELAY_TEST_TIME_FACTOR";

    /// <summary>The factor in effect.</summary>
    public static double Value { get; } = Read();

    /// <summary>Scales <paramref name="duration"/> by the factor.</summary>
    public static TimeSpan Dilate(TimeSpan duration) => duration * Value;

    private static double Read()
    {
        var raw = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 1.0;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0)
        {
            throw new InvalidOperationException($"{EnvironmentVariable} must be a positive number, got [{raw}]");
        }
        return factor;
    }
}
