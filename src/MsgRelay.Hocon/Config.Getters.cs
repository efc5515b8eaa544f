using System.Globalization;

namespace MsgRelay.Hocon;

public sealed partial class Config
{
    /// <summary>A string; numbers and booleans convert to their text.</summary>
    public string GetString(string path) => AsString(Require(path, out var full), full);

    public string GetString(string path, string @default) => IsUnset(path) ? @default : GetString(path);

    public int GetInt(string path) => (int)AsInteger(Require(path, out var full), full, int.MinValue, int.MaxValue, "a 32-bit integer");

    public int GetInt(string path, int @default) => IsUnset(path) ? @default : GetInt(path);

    public long GetLong(string path) => AsInteger(Require(path, out var full), full, long.MinValue, long.MaxValue, "a 64-bit integer");

    public long GetLong(string path, long @default) => IsUnset(path) ? @default : GetLong(path);

    public double GetDouble(string path) => AsDouble(Require(path, out var full), full);

    public double GetDouble(string path, double @default) => IsUnset(path) ? @default : GetDouble(path);

    /// <summary>A boolean: true/false, or the strings yes/no and on/off.</summary>
    public bool GetBoolean(string path) => AsBoolean(Require(path, out var full), full);

    public bool GetBoolean(string path, bool @default) => IsUnset(path) ? @default : GetBoolean(path);

    /// <summary>A duration: a number of milliseconds, or a string such as <c>5s</c>, <c>100 ms</c>,
    /// <c>1.5h</c> with the units of HOCON.md "Duration format" (ns, us, ms, s, m, h, d and their
    /// long forms).</summary>
    public TimeSpan GetTimeSpan(string path) => AsDuration(Require(path, out var full), full);

    public TimeSpan GetTimeSpan(string path, TimeSpan @default) => IsUnset(path) ? @default : GetTimeSpan(path);

    /// <summary>A size in bytes: a number of bytes, or a string such as <c>512K</c>, <c>10MiB</c>,
    /// <c>1 GB</c> with the units of HOCON.md "Size in bytes format" (powers of 10 and of 2).</summary>
    public long GetByteSize(string path) => AsBytes(Require(path, out var full), full);

    public long GetByteSize(string path, long @default) => IsUnset(path) ? @default : GetByteSize(path);

    /// <summary>The object at the path as a config whose error messages keep the full path.</summary>
    public Config GetConfig(string path)
    {
        var value = Require(path, out var full);
        if (value is not HoconObject obj)
        {
            throw WrongTypeAt(full, value, "an object");
        }

        return new Config(obj, [.. _prefix, .. HoconPath.Parse(path, obj.Origin)]);
    }

    /// <summary>The object at the path, or an empty config when the path is missing or null.</summary>
    public Config GetConfigOrEmpty(string path) =>
        IsUnset(path) ? new Config(new HoconObject(Root.Origin), [.. _prefix, .. HoconPath.Parse(path, Root.Origin)]) : GetConfig(path);

    /// <summary>The raw object at the path.</summary>
    public HoconObject GetObject(string path)
    {
        var value = Require(path, out var full);
        return value as HoconObject ?? throw WrongTypeAt(full, value, "an object");
    }

    /// <summary>The raw list at the path. An object whose keys are all integers converts to a list
    /// ordered by key (HOCON.md "numerically-indexed objects").</summary>
    public IReadOnlyList<HoconValue> GetList(string path) => AsList(Require(path, out var full), full);

    private bool IsUnset(string path) => Find(path, out _) is null or HoconNull;

    private static IReadOnlyList<HoconValue> AsList(HoconValue value, string full)
    {
        if (value is HoconArray array)
        {
            return array;
        }

        if (value is HoconObject obj && obj.Count > 0 && obj.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return [.. obj.OrderBy(f => int.Parse(f.Key, CultureInfo.InvariantCulture)).Select(f => f.Value)];
        }

        throw WrongTypeAt(full, value, "a list");
    }

    private static string AsString(HoconValue value, string full) => value switch
    {
        HoconString s => s.Value,
        HoconNumber or HoconBoolean => value.ConcatenationText!,
        _ => throw WrongTypeAt(full, value, "a string"),
    };

    private static long AsInteger(HoconValue value, string full, long min, long max, string expected)
    {
        long result;
        if (value is HoconNumber number)
        {
            try
            {
                result = number.ToInt64();
            }
            catch (OverflowException)
            {
                throw WrongTypeAt(full, value, expected);
            }
        }
        else if (value is HoconString s && HoconNumber.IsNumberText(s.Value.Trim()))
        {
            return AsInteger(new HoconNumber(s.Value.Trim(), s.Origin), full, min, max, expected);
        }
        else
        {
            throw WrongTypeAt(full, value, expected);
        }

        if (result < min || result > max)
        {
            throw WrongTypeAt(full, value, expected, "out of range");
        }

        return result;
    }

    private static double AsDouble(HoconValue value, string full) => value switch
    {
        HoconNumber n => n.ToDouble(),
        HoconString s when HoconNumber.IsNumberText(s.Value.Trim()) => new HoconNumber(s.Value.Trim(), s.Origin).ToDouble(),
        _ => throw WrongTypeAt(full, value, "a number"),
    };

    private static bool AsBoolean(HoconValue value, string full) => value switch
    {
        HoconBoolean b => b.Value,
        HoconString { Value: "true" or "yes" or "on" } => true,
        HoconString { Value: "false" or "no" or "off" } => false,
        _ => throw WrongTypeAt(full, value, "a boolean (true/false, yes/no, on/off)"),
    };

    private static TimeSpan AsDuration(HoconValue value, string full)
    {
        string? error = null;
        TimeSpan? result = value switch
        {
            HoconNumber n => UnitFormats.ParseDuration(n.Text, out error),
            HoconString s => UnitFormats.ParseDuration(s.Value, out error),
            _ => null,
        };
        return result ?? throw WrongTypeAt(full, value, "a duration", error);
    }

    private static long AsBytes(HoconValue value, string full)
    {
        string? error = null;
        long? result = value switch
        {
            HoconNumber n => UnitFormats.ParseBytes(n.Text, out error),
            HoconString s => UnitFormats.ParseBytes(s.Value, out error),
            _ => null,
        };
        return result ?? throw WrongTypeAt(full, value, "a size in bytes", error);
    }
}
