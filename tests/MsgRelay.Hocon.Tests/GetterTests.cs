namespace MsgRelay.Hocon.Tests;

public class GetterTests
{
    private static readonly Config Sample = Hocon.Resolve("""
        msgrelay {
          name = node-1
          port = 4000
          big = 9000000000
          ratio = 0.75
          flags { a = true, b = off, c = yes, d = "no" }
          hosts = [alpha, beta]
          ports = [1, "2", 3]
          nothing = null
          auth.users { alice { admin = true }, bob {} }
          numbered { "1" = b, "0" = a }
        }
        """, "app.conf");

    [Fact]
    public void Scalar_getters_read_their_types()
    {
        Assert.Equal("node-1", Sample.GetString("msgrelay.name"));
        Assert.Equal("4000", Sample.GetString("msgrelay.port"));
        Assert.Equal(4000, Sample.GetInt("msgrelay.port"));
        Assert.Equal(9000000000L, Sample.GetLong("msgrelay.big"));
        Assert.Equal(0.75, Sample.GetDouble("msgrelay.ratio"));
        Assert.Equal(4000.0, Sample.GetDouble("msgrelay.port"));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("b", false)]
    [InlineData("c", true)]
    [InlineData("d", false)]
    public void Booleans_accept_true_false_yes_no_on_off(string key, bool expected) =>
        Assert.Equal(expected, Sample.GetBoolean("msgrelay.flags." + key));

    [Fact]
    public void Lists_convert_each_element()
    {
        Assert.Equal(["alpha", "beta"], Sample.GetStringList("msgrelay.hosts"));
        Assert.Equal([1, 2, 3], Sample.GetIntList("msgrelay.ports"));
        Assert.Equal(["a", "b"], Sample.GetStringList("msgrelay.numbered"));
    }

    [Fact]
    public void Wrong_type_names_the_full_path_and_the_origin_of_the_value()
    {
        var config = Hocon.Resolve("msgrelay {\n  listeners {\n    idle-timeout = abc\n  }\n}", "app.conf");
        var error = Assert.Throws<HoconException>(() => config.GetConfig("msgrelay.listeners").GetTimeSpan("idle-timeout"));
        Assert.Equal("app.conf:3:20: msgrelay.listeners.idle-timeout: expected a duration, got \"abc\"", error.Message);
        Assert.Equal(new HoconOrigin("app.conf", 3, 20), error.Origin);
    }

    [Fact]
    public void Wrong_type_in_a_list_names_the_element()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetIntList("msgrelay.hosts"));
        Assert.Equal("app.conf:7:12: msgrelay.hosts[0]: expected a 32-bit integer, got \"alpha\"", error.Message);
    }

    [Fact]
    public void Integer_out_of_range_is_reported() =>
        Assert.Equal("app.conf:4:9: msgrelay.big: expected a 32-bit integer, got number 9000000000 (out of range)",
            Assert.Throws<HoconException>(() => Sample.GetInt("msgrelay.big")).Message);

    [Fact]
    public void Missing_path_names_the_full_path_at_the_nearest_parent()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetConfig("msgrelay").GetInt("listeners.port"));
        Assert.Equal("app.conf:1:10: msgrelay.listeners.port: missing setting (no value at this path)", error.Message);
    }

    [Fact]
    public void Null_is_not_a_string_and_hides_nothing()
    {
        Assert.False(Sample.HasPath("msgrelay.nothing"));
        Assert.IsType<HoconNull>(Sample.GetValue("msgrelay.nothing"));
        Assert.Equal("app.conf:9:13: msgrelay.nothing: expected a string, got null", Assert.Throws<HoconException>(() => Sample.GetString("msgrelay.nothing")).Message);
        Assert.Equal("dflt", Sample.GetString("msgrelay.nothing", "dflt"));
    }

    [Fact]
    public void Defaults_apply_only_to_missing_paths()
    {
        Assert.Equal(7, Sample.GetInt("msgrelay.absent", 7));
        Assert.Equal(4000, Sample.GetInt("msgrelay.port", 7));
        Assert.Equal(TimeSpan.FromSeconds(3), Sample.GetTimeSpan("msgrelay.absent", TimeSpan.FromSeconds(3)));
        Assert.Equal(5L, Sample.GetByteSize("msgrelay.absent", 5));
        Assert.True(Sample.GetBoolean("msgrelay.absent", true));
        Assert.Throws<HoconException>(() => Sample.GetInt("msgrelay.name", 7));
    }

    [Fact]
    public void Child_keys_list_a_map_in_file_order()
    {
        Assert.Equal(["alice", "bob"], Sample.GetChildKeys("msgrelay.auth.users"));
        Assert.Empty(Sample.GetChildKeys("msgrelay.absent"));
        Assert.Equal(["msgrelay"], Sample.GetChildKeys());
        Assert.Equal("app.conf:2:10: msgrelay.name: expected an object, got \"node-1\"", Assert.Throws<HoconException>(() => Sample.GetChildKeys("msgrelay.name")).Message);
        Assert.True(Sample.GetConfig("msgrelay.auth.users.alice").GetBoolean("admin"));
    }

    [Fact]
    public void Sub_config_keeps_the_path_prefix_for_messages()
    {
        var users = Sample.GetConfig("msgrelay.auth.users");
        Assert.Equal("msgrelay.auth.users", users.PathPrefix);
        Assert.Contains("msgrelay.auth.users.carol.admin: missing setting", Assert.Throws<HoconException>(() => users.GetBoolean("carol.admin")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumeration_yields_every_leaf_with_its_full_path()
    {
        var leaves = Hocon.Resolve("a { b = 1, \"c.d\" = [2], e = null, f {} }").AsEnumerable().ToList();
        Assert.Equal(["a.b", "a.\"c.d\""], leaves.Select(l => l.Key));
        Assert.IsType<HoconArray>(leaves[1].Value);
    }

    [Fact]
    public void Origin_of_a_value_is_its_file_and_line()
    {
        Assert.Equal("app.conf:3", Sample.GetOrigin("msgrelay.port")!.Value.FileAndLine);
        Assert.Null(Sample.GetOrigin("msgrelay.absent"));
    }

    [Fact]
    public void Raw_object_and_list_getters_return_tree_values()
    {
        Assert.Equal(4, Sample.GetObject("msgrelay.flags").Count);
        Assert.Equal(2, Sample.GetList("msgrelay.hosts").Count);
    }

    [Fact]
    public void Config_list_reads_objects()
    {
        var list = Hocon.Resolve("l = [{ a = 1 }, { a = 2 }]").GetConfigList("l");
        Assert.Equal([1, 2], list.Select(c => c.GetInt("a")));
    }

    [Fact]
    public void Has_path_and_is_empty_report_presence()
    {
        Assert.True(Sample.HasPath("msgrelay.port"));
        Assert.True(Sample.HasPath("msgrelay.auth.users.bob"));
        Assert.False(Sample.HasPath("msgrelay.port.deeper"));
        Assert.True(ConfigFactory.Empty.IsEmpty);
        Assert.False(Sample.IsEmpty);
    }
}
