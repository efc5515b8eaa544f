using System.Globalization;
using System.Text.Json;

namespace MsgRelay.Hocon.Tests;

/// <summary>Structural equality of JSON values as the corpus README defines it: key order is
/// irrelevant, strings never equal numbers, whole numbers compare by integer value and other
/// numbers as doubles. Returns the path of the first difference, or null when equal.</summary>
internal static class JsonEquality
{
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind
            && !(IsBool(expected) && IsBool(actual)))
        {
            return $"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                if (!expectedKeys.SetEquals(actualKeys))
                {
                    return $"{path}: keys differ; missing [{string.Join(", ", expectedKeys.Except(actualKeys))}], unexpected [{string.Join(", ", actualKeys.Except(expectedKeys))}]";
                }

                foreach (var key in expectedKeys)
                {
                    if (FirstDifference(expected.GetProperty(key), actual.GetProperty(key), $"{path}.{key}") is { } diff)
                    {
                        return diff;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} elements, got {actual.GetArrayLength()}";
                }

                int i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (FirstDifference(e, a, $"{path}[{i++}]") is { } diff)
                    {
                        return diff;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                return NumbersEqual(expected.GetRawText(), actual.GetRawText()) ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            case JsonValueKind.True or JsonValueKind.False:
                return expected.ValueKind == actual.ValueKind ? null : $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}";
            default:
                return null;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool NumbersEqual(string a, string b)
    {
        double da = double.Parse(a, CultureInfo.InvariantCulture), db = double.Parse(b, CultureInfo.InvariantCulture);
        bool wholeA = Math.Floor(da) == da, wholeB = Math.Floor(db) == db;
        if (wholeA && wholeB
            && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var ma)
            && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var mb))
        {
            return ma == mb;
        }

        return da.Equals(db);
    }
}
