using System.Globalization;

namespace MsgRelay.Hocon;

/// <summary>The "units format" of HOCON.md: optional whitespace, a number, optional whitespace,
/// an optional unit made of letters. Units are case sensitive, as the spec requires.</summary>
internal static class UnitFormats
{
    private static readonly Dictionary<string, decimal> NanosPerDurationUnit = Build(
        (1m, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (1_000m, ["us", "micro", "micros", "microsecond", "microseconds"]),
        (1_000_000m, ["", "ms", "milli", "millis", "millisecond", "milliseconds"]),
        (1_000_000_000m, ["s", "second", "seconds"]),
        (60_000_000_000m, ["m", "minute", "minutes"]),
        (3_600_000_000_000m, ["h", "hour", "hours"]),
        (86_400_000_000_000m, ["d", "day", "days"]));

    private static readonly Dictionary<string, decimal> BytesPerSizeUnit = BuildSizes();

    public static TimeSpan? ParseDuration(string text, out string? error)
    {
        if (!Split(text, out var number, out var unit, out error))
        {
            return null;
        }

        if (!NanosPerDurationUnit.TryGetValue(unit, out var nanosPerUnit))
        {
            error = $"unknown duration unit '{unit}'; use ns, us, ms, s, m, h or d";
            return null;
        }

        try
        {
            decimal ticks = decimal.Truncate(number * nanosPerUnit / 100m);
            if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
            {
                error = "out of range";
                return null;
            }

            return TimeSpan.FromTicks((long)ticks);
        }
        catch (OverflowException)
        {
            error = "out of range";
            return null;
        }
    }

    public static long? ParseBytes(string text, out string? error)
    {
        if (!Split(text, out var number, out var unit, out error))
        {
            return null;
        }

        if (!BytesPerSizeUnit.TryGetValue(unit, out var perUnit))
        {
            error = $"unknown size unit '{unit}'; use B, kB/MB/GB... (powers of 10) or K/M/G, KiB/MiB/GiB... (powers of 2)";
            return null;
        }

        try
        {
            decimal bytes = decimal.Truncate(number * perUnit);
            if (bytes > long.MaxValue || bytes < long.MinValue)
            {
                error = "out of range for a 64-bit byte count";
                return null;
            }

            return (long)bytes;
        }
        catch (OverflowException)
        {
            error = "out of range for a 64-bit byte count";
            return null;
        }
    }

    private static bool Split(string text, out decimal number, out string unit, out string? error)
    {
        var s = text.Trim();
        int unitStart = s.Length;
        while (unitStart > 0 && char.IsLetter(s[unitStart - 1]))
        {
            unitStart--;
        }

        unit = s[unitStart..];
        var numberText = s[..unitStart].TrimEnd();
        error = null;
        if (numberText.Length == 0
            || !(char.IsAsciiDigit(numberText[^1]))
            || !decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
        {
            number = 0;
            return false;
        }

        return true;
    }

    private static Dictionary<string, decimal> Build(params (decimal Factor, string[] Names)[] groups)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (factor, names) in groups)
        {
            foreach (var name in names)
            {
                map[name] = factor;
            }
        }

        return map;
    }

    private static Dictionary<string, decimal> BuildSizes()
    {
        var map = Build((1m, ["", "B", "b", "byte", "bytes"]));
        string[] decimalPrefixes = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] decimalWords = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryWords = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        decimal power10 = 1m, power2 = 1m;
        for (int i = 0; i < decimalPrefixes.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            string upper = decimalPrefixes[i].ToUpperInvariant();
            map[decimalPrefixes[i] + "B"] = power10;
            map[decimalWords[i] + "byte"] = power10;
            map[decimalWords[i] + "bytes"] = power10;
            map[upper] = power2;
            map[upper.ToLowerInvariant()] = power2;
            map[upper + "i"] = power2;
            map[upper + "iB"] = power2;
            map[binaryWords[i] + "byte"] = power2;
            map[binaryWords[i] + "bytes"] = power2;
        }

        return map;
    }
}
