namespace MsgRelay.Hocon.Tests;

public class UnitFormatTests
{
    [Theory]
    [InlineData("1ns", 0L)]
    [InlineData("100 ns", 1L)]
    [InlineData("250 nano", 2L)]
    [InlineData("1000 nanos", 10L)]
    [InlineData("1000 nanosecond", 10L)]
    [InlineData("1000 nanoseconds", 10L)]
    [InlineData("1us", 10L)]
    [InlineData("1 micro", 10L)]
    [InlineData("2 micros", 20L)]
    [InlineData("3 microsecond", 30L)]
    [InlineData("4 microseconds", 40L)]
    [InlineData("1ms", 10_000L)]
    [InlineData("1 milli", 10_000L)]
    [InlineData("2 millis", 20_000L)]
    [InlineData("3 millisecond", 30_000L)]
    [InlineData("100 milliseconds", 1_000_000L)]
    [InlineData("5s", 50_000_000L)]
    [InlineData("1 second", 10_000_000L)]
    [InlineData("0.5 seconds", 5_000_000L)]
    [InlineData("2m", 1_200_000_000L)]
    [InlineData("1 minute", 600_000_000L)]
    [InlineData("3 minutes", 1_800_000_000L)]
    [InlineData("1h", 36_000_000_000L)]
    [InlineData("1 hour", 36_000_000_000L)]
    [InlineData("1.5 hours", 54_000_000_000L)]
    [InlineData("1d", 864_000_000_000L)]
    [InlineData("1 day", 864_000_000_000L)]
    [InlineData("2 days", 1_728_000_000_000L)]
    [InlineData("  7  ", 70_000L)]
    [InlineData("-5s", -50_000_000L)]
    public void Durations_accept_every_unit_of_the_spec(string text, long ticks) =>
        Assert.Equal(TimeSpan.FromTicks(ticks), Hocon.Resolve($"d = \"{text}\"").GetTimeSpan("d"));

    [Fact]
    public void A_bare_number_is_milliseconds() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Hocon.Resolve("d = 1500").GetTimeSpan("d"));

    [Theory]
    [InlineData("5 S")]
    [InlineData("3 weeks")]
    [InlineData("5sec")]
    public void Duration_units_are_exact_and_lowercase(string text) =>
        Assert.Contains("expected a duration", Assert.Throws<HoconException>(() => Hocon.Resolve($"d = {text}").GetTimeSpan("d")).Message, StringComparison.Ordinal);

    [Fact]
    public void Unknown_duration_unit_is_named() =>
        Assert.Equal("<string>:1:5: d: expected a duration, got \"5 fortnights\" (unknown duration unit 'fortnights'; use ns, us, ms, s, m, h or d)",
            Assert.Throws<HoconException>(() => Hocon.Resolve("d = 5 fortnights").GetTimeSpan("d")).Message);

    [Theory]
    [InlineData("10", 10L)]
    [InlineData("10B", 10L)]
    [InlineData("10b", 10L)]
    [InlineData("1 byte", 1L)]
    [InlineData("2 bytes", 2L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("1 kilobyte", 1_000L)]
    [InlineData("2 kilobytes", 2_000L)]
    [InlineData("1MB", 1_000_000L)]
    [InlineData("1 megabyte", 1_000_000L)]
    [InlineData("1 megabytes", 1_000_000L)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("1 gigabyte", 1_000_000_000L)]
    [InlineData("1TB", 1_000_000_000_000L)]
    [InlineData("1 terabytes", 1_000_000_000_000L)]
    [InlineData("1PB", 1_000_000_000_000_000L)]
    [InlineData("1 petabyte", 1_000_000_000_000_000L)]
    [InlineData("1EB", 1_000_000_000_000_000_000L)]
    [InlineData("1 exabytes", 1_000_000_000_000_000_000L)]
    [InlineData("512K", 524_288L)]
    [InlineData("512k", 524_288L)]
    [InlineData("1Ki", 1_024L)]
    [InlineData("1KiB", 1_024L)]
    [InlineData("1 kibibyte", 1_024L)]
    [InlineData("2 kibibytes", 2_048L)]
    [InlineData("10MiB", 10_485_760L)]
    [InlineData("1M", 1_048_576L)]
    [InlineData("1m", 1_048_576L)]
    [InlineData("1Mi", 1_048_576L)]
    [InlineData("0.5M", 524_288L)]
    [InlineData("1 mebibyte", 1_048_576L)]
    [InlineData("1G", 1_073_741_824L)]
    [InlineData("1g", 1_073_741_824L)]
    [InlineData("1GiB", 1_073_741_824L)]
    [InlineData("1 gibibytes", 1_073_741_824L)]
    [InlineData("1T", 1_099_511_627_776L)]
    [InlineData("1TiB", 1_099_511_627_776L)]
    [InlineData("1 tebibyte", 1_099_511_627_776L)]
    [InlineData("1P", 1_125_899_906_842_624L)]
    [InlineData("1PiB", 1_125_899_906_842_624L)]
    [InlineData("1 pebibyte", 1_125_899_906_842_624L)]
    [InlineData("1E", 1_152_921_504_606_846_976L)]
    [InlineData("1EiB", 1_152_921_504_606_846_976L)]
    [InlineData("1 exbibytes", 1_152_921_504_606_846_976L)]
    public void Sizes_accept_powers_of_ten_and_of_two(string text, long bytes) =>
        Assert.Equal(bytes, Hocon.Resolve($"s = \"{text}\"").GetByteSize("s"));

    [Theory]
    [InlineData("1ZB")]
    [InlineData("1 zettabyte")]
    [InlineData("1Z")]
    [InlineData("1ZiB")]
    [InlineData("1 zebibytes")]
    [InlineData("1YB")]
    [InlineData("1 yottabytes")]
    [InlineData("1Y")]
    [InlineData("1YiB")]
    [InlineData("1 yobibyte")]
    [InlineData("8E")]
    public void Sizes_beyond_64_bits_are_recognised_but_out_of_range(string text) =>
        Assert.EndsWith("(out of range for a 64-bit byte count)", Assert.Throws<HoconException>(() => Hocon.Resolve($"s = \"{text}\"").GetByteSize("s")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("1kb")]
    [InlineData("1 KB")]
    [InlineData("1 Kilobyte")]
    [InlineData("lots")]
    public void Size_units_are_exact(string text) =>
        Assert.Contains("expected a size in bytes", Assert.Throws<HoconException>(() => Hocon.Resolve($"s = \"{text}\"").GetByteSize("s")).Message, StringComparison.Ordinal);

    [Fact]
    public void Durations_and_sizes_stay_strings_in_the_tree() =>
        Assert.Equal("""{"a":"5s","b":"512K","c":"3 weeks"}""", Hocon.Json("a = 5s\nb = 512K\nc = 3 weeks"));

    [Fact]
    public void Duration_and_size_lists_convert_each_element()
    {
        var config = Hocon.Resolve("d = [1, 2s, 3 m]\ns = [1024, 1K, 1kB]");
        Assert.Equal([TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3)], config.GetTimeSpanList("d"));
        Assert.Equal([1024L, 1024L, 1000L], config.GetByteSizeList("s"));
    }
}
