namespace MsgRelay.Hocon.Tests;

public class ValidationTests
{
    private static readonly Config Reference = Hocon.Resolve("""
        msgrelay {
          port = 4000
          hosts = []
          listeners { idle-timeout = 5m }
          auth.users = {}
          optional = null
        }
        other.thing = 1
        """, "reference.conf");

    [Fact]
    public void Unknown_keys_are_reported_with_full_path_and_origin()
    {
        var actual = Hocon.Resolve("msgrelay {\n  prot = 4001\n  listeners { idle-timout = 1m }\n}\nunrelated = 1", "app.conf");
        var problems = ConfigValidation.UnknownKeys(Reference, actual, "msgrelay");
        Assert.Equal(
            ["app.conf:2: msgrelay.prot: unknown key (not in the reference configuration; check the spelling)",
             "app.conf:3: msgrelay.listeners.idle-timout: unknown key (not in the reference configuration; check the spelling)"],
            problems.Select(p => p.Message));
        Assert.Equal(ConfigProblemKind.UnknownKey, problems[0].Kind);
        Assert.Equal("msgrelay.prot", problems[0].Path);
        Assert.Equal(new HoconOrigin("app.conf", 2, 10), problems[0].Origin);
    }

    [Fact]
    public void An_empty_object_in_the_reference_accepts_any_children() =>
        Assert.Empty(ConfigValidation.UnknownKeys(Reference, Hocon.Resolve("msgrelay.auth.users { alice { pw = x }, bob.admin = true }"), "msgrelay"));

    [Fact]
    public void Known_keys_and_nulls_pass() =>
        Assert.Empty(ConfigValidation.UnknownKeys(Reference, Hocon.Resolve("msgrelay { port = 1, hosts = [a], optional { x = 1 }, listeners = null }"), "msgrelay"));

    [Fact]
    public void Object_versus_value_mismatches_are_reported()
    {
        var actual = Hocon.Resolve("msgrelay { port { x = 1 }\nlisteners = 5\nhosts = a }", "app.conf");
        Assert.Equal(
            ["app.conf:1: msgrelay.port: expected a number, got an object",
             "app.conf:2: msgrelay.listeners: expected an object, got number 5",
             "app.conf:3: msgrelay.hosts: expected a list, got \"a\""],
            ConfigValidation.UnknownKeys(Reference, actual, "msgrelay").Select(p => p.Message));
        Assert.All(ConfigValidation.UnknownKeys(Reference, actual, "msgrelay"), p => Assert.Equal(ConfigProblemKind.WrongShape, p.Kind));
    }

    [Fact]
    public void Keys_outside_the_root_path_are_not_checked() =>
        Assert.Empty(ConfigValidation.UnknownKeys(Reference, Hocon.Resolve("akka.whatever = 1\nmsgrelay.port = 2"), "msgrelay"));

    [Fact]
    public void A_root_missing_from_the_reference_makes_the_whole_section_unknown() =>
        Assert.Equal(["msgrelay"], ConfigValidation.UnknownKeys(Hocon.Resolve("x = 1"), Hocon.Resolve("msgrelay.port = 2"), "msgrelay").Select(p => p.Path));
}
