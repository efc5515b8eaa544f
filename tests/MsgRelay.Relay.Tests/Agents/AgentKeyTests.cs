using System.Security.Cryptography;
using System.Text;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Agents;

public sealed class AgentKeyTests : RelayTestKit
{
    private const int MaxFailures = 3;

    protected override RelaySettings Settings => base.Settings with
    {
        Auth = new AuthSettings
        {
            UserKeys = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
            {
                ["bob"] = SHA256.HashData(Encoding.ASCII.GetBytes("bob-secret")),
                ["carol"] = SHA256.HashData(Encoding.ASCII.GetBytes("carol-secret")),
            },
            MaxFailuresPerMinute = MaxFailures,
        },
    };

    [Fact]
    public async Task Listed_user_logs_in_with_the_right_key()
    {
        var agent = Connect();

        Assert.Equal("112 Key accepted.", await agent.CommandAsync("QUOTE KEY bob-secret"));
        Assert.Equal("112 Agent BOB on agent/1 registered.", await agent.CommandAsync("QUOTE AGENT BOB"));
    }

    [Fact]
    public async Task Listed_user_cannot_log_in_without_a_key()
    {
        var agent = Connect();

        Assert.Equal("678 Key rejected.", await agent.CommandAsync("QUOTE AGENT bob"));
        Assert.Equal(DeliveryStatus.NotLoggedIn, (await Route(Message("bob")).ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Wrong_key_is_rejected_at_once()
    {
        var agent = Connect();

        Assert.Equal("678 Key rejected.", await agent.CommandAsync("QUOTE KEY guess"));
        Assert.Equal("678 Key rejected.", await agent.CommandAsync("QUOTE AGENT bob"));
    }

    [Fact]
    public async Task Key_of_another_user_does_not_log_in()
    {
        var agent = Connect();

        Assert.Equal("112 Key accepted.", await agent.CommandAsync("QUOTE KEY carol-secret"));
        Assert.Equal("678 Key rejected.", await agent.CommandAsync("QUOTE AGENT bob"));
    }

    [Fact]
    public async Task Unlisted_user_logs_in_without_a_key()
    {
        var agent = Connect();

        Assert.StartsWith("112 Agent dave", await agent.CommandAsync("QUOTE AGENT dave"));
    }

    [Fact]
    public async Task Failed_keys_are_logged()
    {
        var agent = Connect();

        await EventFilter.Warning("Key rejected").ExpectOneAsync(async () => await agent.CommandAsync("QUOTE KEY guess"));
    }

    [Fact]
    public async Task Peer_with_too_many_failures_is_refused_even_with_the_right_key_until_a_minute_passes()
    {
        for (var i = 0; i < MaxFailures; i++)
        {
            // A new connection each time: the limit is per peer address, not per connection.
            Assert.Equal("678 Key rejected.", await Connect("198.51.100.7").CommandAsync("QUOTE KEY guess"));
        }

        var agent = Connect("198.51.100.7");
        Assert.Equal("678 Too many failed keys; try again later.", await agent.CommandAsync("QUOTE KEY bob-secret"));
        Assert.Equal("112 Key accepted.", await Connect("198.51.100.8").CommandAsync("QUOTE KEY bob-secret"));

        Scheduler.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("112 Key accepted.", await agent.CommandAsync("QUOTE KEY bob-secret"));
        Assert.StartsWith("112 Agent bob", await agent.CommandAsync("QUOTE AGENT bob"));
    }
}
