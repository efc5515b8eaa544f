using System.Globalization;
using System.Text;

namespace MsgRelay.Benchmarks.Hocon;

/// <summary>Builds a realistic configuration of about 2,000 lines: nested module sections with
/// comments, durations and sizes, lists, per-user maps, path keys, self-referencing appends and
/// substitutions across sections.</summary>
internal static class SampleConfig
{
    public static string Generate(int modules)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Generated benchmark configuration");
        sb.AppendLine("msgrelay.defaults { timeout = 5s, buffer = 64KiB, host = \"0.0.0.0\", retries = 3 }");
        for (int m = 0; m < modules; m++)
        {
            string name = "module" + m.ToString(CultureInfo.InvariantCulture);
            sb.AppendLine(CultureInfo.InvariantCulture, $"// Settings of {name}: every default says why it is that value.");
            sb.AppendLine(CultureInfo.InvariantCulture, $"msgrelay.{name} {{");
            sb.AppendLine("  # how long an idle connection stays open");
            sb.AppendLine("  idle-timeout = ${msgrelay.defaults.timeout}");
            sb.AppendLine("  connect-timeout = 250ms");
            sb.AppendLine("  max-frame = 1MiB");
            sb.AppendLine("  send-buffer = ${msgrelay.defaults.buffer}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  port = {4000 + m}");
            sb.AppendLine("  bind = ${msgrelay.defaults.host}\":\"${msgrelay." + name + ".port}");
            sb.AppendLine("  enabled = on");
            sb.AppendLine("  ratio = 0.75");
            sb.AppendLine("  tags = [relay, \"cluster node\", edge]");
            sb.AppendLine("  tags += extra");
            sb.AppendLine("  retry {");
            sb.AppendLine("    attempts = ${msgrelay.defaults.retries}");
            sb.AppendLine("    backoff = [100ms, 200ms, 400ms, 800ms]");
            sb.AppendLine("    jitter = 0.2");
            sb.AppendLine("  }");
            sb.AppendLine("  users {");
            for (int u = 0; u < 3; u++)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    user{u} {{ tty = \"/dev/pts/{u}\", admin = {(u == 0 ? "true" : "false")}, quota = {u + 1}M }}");
            }

            sb.AppendLine("  }");
            sb.AppendLine("  description = \"\"\"Module " + name + " handles");
            sb.AppendLine("    relayed write(1) messages.\"\"\"");
            sb.AppendLine("}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"msgrelay.{name}.retry.attempts = 5");
            sb.AppendLine();
        }

        return sb.ToString();
    }
}
