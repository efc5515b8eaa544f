using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MsgRelay.Hocon.Tests;

public sealed class ConfigurationProviderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Hocon_string_flattens_with_colons_and_list_indexes()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("msgrelay { port = 4000, ratio = 1.50, on = true, hosts = [a, b], nested.list = [{ x = 1 }], none = null, t = 5s }")
            .Build();
        Assert.Equal("4000", configuration["msgrelay:port"]);
        Assert.Equal("1.50", configuration["msgrelay:ratio"]);
        Assert.Equal("true", configuration["MsgRelay:On"]);
        Assert.Equal("b", configuration["msgrelay:hosts:1"]);
        Assert.Equal("1", configuration["msgrelay:nested:list:0:x"]);
        Assert.Null(configuration["msgrelay:none"]);
        Assert.Equal("5s", configuration["msgrelay:t"]);
        Assert.Equal(["a", "b"], configuration.GetSection("msgrelay:hosts").GetChildren().Select(c => c.Value));
    }

    [Fact]
    public void Hocon_file_is_resolved_and_later_sources_override_it()
    {
        var path = _folder.Write("app.conf", "a = 1\nb = ${a}");
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(path)
            .AddHoconString("a = 2")
            .Build();
        Assert.Equal("2", configuration["a"]);
        Assert.Equal("1", configuration["b"]);
    }

    [Fact]
    public void Missing_file_is_an_error_unless_optional()
    {
        var path = Path.Combine(_folder.Path, "none.conf");
        Assert.Empty(new ConfigurationBuilder().AddHoconFile(path, optional: true).Build().AsEnumerable());
        Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());
    }

    [Fact]
    public void Layered_config_can_be_added_directly()
    {
        var layered = ConfigFactory.ParseOverride("a.b=3").WithFallback(ConfigFactory.ParseString("a.b = 1\na.c = 2"));
        var configuration = new ConfigurationBuilder().AddHoconConfig(layered).Build();
        Assert.Equal("3", configuration["a:b"]);
        Assert.Equal("2", configuration["a:c"]);
    }

    [Fact]
    public void Generic_host_options_binding_reads_hocon_sections()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddHoconString("""
            msgrelay.listener {
              port = 4000
              hosts = [alpha, beta]
              users { alice { admin = true }, bob { admin = false } }
            }
            """);
        builder.Services.Configure<ListenerOptions>(builder.Configuration.GetSection("msgrelay:listener"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<ListenerOptions>>().Value;
        Assert.Equal(4000, options.Port);
        Assert.Equal(["alpha", "beta"], options.Hosts);
        Assert.True(options.Users["alice"].Admin);
        Assert.False(options.Users["bob"].Admin);
    }

    public sealed class ListenerOptions
    {
        public int Port { get; set; }

        public List<string> Hosts { get; set; } = [];

        public Dictionary<string, UserOptions> Users { get; set; } = [];
    }

    public sealed class UserOptions
    {
        public bool Admin { get; set; }
    }
}
