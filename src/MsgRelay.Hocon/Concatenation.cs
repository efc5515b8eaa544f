using System.Text;

namespace MsgRelay.Hocon;

/// <summary>Combines the pieces of a value concatenation once none of them is a substitution:
/// strings join (whitespace between them kept), lists append, objects merge (later wins).</summary>
internal static class Concatenation
{
    /// <summary>Returns null when there is nothing but whitespace left (every piece was an
    /// undefined optional substitution).</summary>
    public static HoconValue? Combine(IReadOnlyList<HoconValue> pieces, HoconOrigin origin)
    {
        HoconValue? single = null;
        int nonWhitespace = 0;
        bool anyArray = false, anyObject = false;
        foreach (var piece in pieces)
        {
            if (piece is HoconString { IsWhitespace: true })
            {
                continue;
            }

            nonWhitespace++;
            single = piece;
            anyArray |= piece is HoconArray;
            anyObject |= piece is HoconObject;
        }

        if (nonWhitespace == 0)
        {
            return null;
        }

        if (nonWhitespace == 1 && (pieces.Count == 1 || anyArray || anyObject))
        {
            return single;
        }

        if (anyArray)
        {
            var items = new List<HoconValue>();
            foreach (var piece in pieces)
            {
                switch (piece)
                {
                    case HoconString { IsWhitespace: true }:
                        break;
                    case HoconArray array:
                        items.AddRange(array);
                        break;
                    default:
                        throw Mismatch(piece, "a list");
                }
            }

            return new HoconArray(origin, items, takeOwnership: true);
        }

        if (anyObject)
        {
            HoconValue? merged = null;
            foreach (var piece in pieces)
            {
                switch (piece)
                {
                    case HoconString { IsWhitespace: true }:
                        break;
                    case HoconObject obj:
                        merged = merged is null ? obj : HoconMerge.Merge(merged, obj);
                        break;
                    default:
                        throw Mismatch(piece, "an object");
                }
            }

            return merged;
        }

        var sb = new StringBuilder();
        foreach (var piece in pieces)
        {
            sb.Append(piece.ConcatenationText);
        }

        return new HoconString(sb.ToString(), origin);
    }

    private static HoconException Mismatch(HoconValue piece, string kind) =>
        new(piece.Origin, $"cannot concatenate {HoconValue.Describe(piece)} with {kind} (only strings with strings, lists with lists, objects with objects)");
}
