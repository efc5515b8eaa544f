namespace MsgRelay.Cluster.Tests;

public class PhiAccrualFailureDetectorTests
{
    private readonly FakeClock _clock = new();

    private PhiAccrualFailureDetector Detector(double threshold = 8, double pauseSeconds = 2) => new(
        threshold, 1000, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(pauseSeconds), TimeSpan.FromSeconds(1), _clock);

    private void Beat(PhiAccrualFailureDetector detector, int times, TimeSpan interval)
    {
        for (var i = 0; i < times; i++)
        {
            _clock.Advance(interval);
            detector.HeartBeat();
        }
    }

    [Fact]
    public void Node_is_available_before_the_first_heartbeat()
    {
        var detector = Detector();
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(detector.IsAvailable);
        Assert.Equal(0, detector.Phi());
    }

    [Fact]
    public void Regular_heartbeats_keep_phi_low()
    {
        var detector = Detector();
        Beat(detector, 20, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(detector.Phi() < 1, $"phi was {detector.Phi()}");
        Assert.True(detector.IsAvailable);
    }

    [Fact]
    public void Silence_within_the_acceptable_pause_is_tolerated()
    {
        var detector = Detector();
        Beat(detector, 20, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(detector.IsAvailable);
    }

    [Fact]
    public void Silence_beyond_mean_plus_pause_makes_the_node_unavailable_in_about_three_and_a_half_seconds()
    {
        var detector = Detector();
        Beat(detector, 20, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromMilliseconds(3400));
        Assert.True(detector.IsAvailable, $"phi at 3.4s was {detector.Phi()}");
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(detector.IsAvailable, $"phi at 3.7s was {detector.Phi()}");
    }

    [Fact]
    public void Phi_grows_with_silence()
    {
        var detector = Detector();
        Beat(detector, 10, TimeSpan.FromSeconds(1));
        var previous = -1.0;
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            var phi = detector.Phi();
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi}");
            previous = phi;
        }
    }

    [Fact]
    public void A_heartbeat_after_an_outage_makes_the_node_available_again()
    {
        var detector = Detector();
        Beat(detector, 10, TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(detector.IsAvailable);
        detector.HeartBeat();
        Assert.True(detector.IsAvailable);
        // The 30s gap was not recorded: the usual interval is still judged normal.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(detector.Phi() < 1, $"phi was {detector.Phi()}");
    }

    [Fact]
    public void First_heartbeat_estimate_gives_phi_meaning_after_a_single_heartbeat()
    {
        var detector = Detector(pauseSeconds: 0);
        detector.HeartBeat();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(detector.IsAvailable);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(detector.IsAvailable);
    }

    [Fact]
    public void Lower_threshold_suspects_sooner()
    {
        var strict = Detector(threshold: 1);
        var lenient = Detector(threshold: 8);
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            strict.HeartBeat();
            lenient.HeartBeat();
        }
        _clock.Advance(TimeSpan.FromMilliseconds(3300));
        Assert.False(strict.IsAvailable);
        Assert.True(lenient.IsAvailable);
    }
}
