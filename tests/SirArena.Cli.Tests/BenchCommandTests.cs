using System.Globalization;
using System.Text.RegularExpressions;
using SirArena.Cli.Tests.Support;

namespace SirArena.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public async Task Bench_play_gives_each_repeat_its_compute_against_both_matmul_floors()
    {
        using var arena = new ArenaFolder();

        var (code, output, error) = await CliRun.Invoke("bench", "play", "--config", arena.Config, "--rounds", "4", "--repeats", "2", "--threads", "1");

        code.Should().Be(0, error);
        output.Should().Contain("torch threads 1", "the floor and the rounds ran on the threads asked for");
        var rows = output.Split('\n').Where(line => Regex.IsMatch(line, @"^\| (1|2|median) \|")).ToArray();
        rows.Should().HaveCount(3);
        foreach (var row in rows)
        {
            var cells = row.Trim('|', ' ', '\r').Split('|').Select(c => c.Trim()).ToArray();
            double gflops = double.Parse(cells[5], CultureInfo.InvariantCulture);
            double floor = double.Parse(cells[6].TrimEnd('x'), CultureInfo.InvariantCulture);
            double allLayers = double.Parse(cells[7].TrimEnd('x'), CultureInfo.InvariantCulture);
            gflops.Should().BePositive(row);
            floor.Should().BePositive(row);
            allLayers.Should().BePositive(row);
        }
    }
}
