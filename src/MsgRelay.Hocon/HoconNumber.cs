using System.Globalization;

namespace MsgRelay.Hocon;

/// <summary>A number, keeping the text it was written with (<c>1.50</c> stays <c>1.50</c> in
/// concatenations and in JSON output).</summary>
public sealed class HoconNumber : HoconValue
{
    private readonly long _integer;
    private readonly double _double;

    public HoconNumber(string text, HoconOrigin origin)
        : base(origin)
    {
        Text = text;
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _integer))
        {
            IsInteger = true;
            _double = _integer;
        }
        else
        {
            _double = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The number as written in the source.</summary>
    public string Text { get; }

    /// <summary>True when the number was written without fraction or exponent and fits in 64 bits.</summary>
    public bool IsInteger { get; }

    public override HoconValueType Type => HoconValueType.Number;

    public override bool IsResolved => true;

    internal override string ConcatenationText => Text;

    public double ToDouble() => _double;

    /// <summary>The value as a long; whole doubles convert, anything else throws <see cref="OverflowException"/>.</summary>
    public long ToInt64()
    {
        if (IsInteger)
        {
            return _integer;
        }

        if (Math.Floor(_double) == _double && _double >= long.MinValue && _double <= long.MaxValue)
        {
            return (long)_double;
        }

        throw new OverflowException($"{Text} is not a whole 64-bit number");
    }

    public override string ToString() => Text;

    /// <summary>True when the text is a number by HOCON's (JSON's) rules, allowing leading zeros
    /// as the reference implementation does.</summary>
    internal static bool IsNumberText(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        int digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            int frac = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                frac++;
            }

            if (frac == 0)
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            int exp = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exp++;
            }

            if (exp == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }
}
