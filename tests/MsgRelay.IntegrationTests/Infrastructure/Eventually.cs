namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>Bounded polling for conditions a test cannot be told about: a deadline and a count, never a bare sleep.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task>? between = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            if (between is not null)
            {
                await between();
            }
            else
            {
                await Task.Yield();
            }
        }

        throw new TimeoutException($"{what}: not true within {timeout}");
    }
}
