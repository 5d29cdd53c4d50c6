using System.Diagnostics;

namespace SirArena.Cli.Tests;

/// <summary>
/// `sirarena` on the PATH as the README installs it: a link to the built program, run from a folder that has
/// nothing to do with the repository.
/// </summary>
public class LinkedProgramTests
{
    [Fact]
    public async Task The_program_run_through_a_link_from_an_unrelated_folder_finds_the_repositorys_arena_and_plays()
    {
        var home = Path.Combine(Path.GetTempPath(), "sirarena-link-" + Guid.NewGuid().ToString("N"));
        var bin = Directory.CreateDirectory(Path.Combine(home, "bin")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(home, "work")).FullName;
        try
        {
            var link = Path.Combine(bin, "sirarena");
            File.CreateSymbolicLink(link, Path.Combine(AppContext.BaseDirectory, "sirarena"));
            var start = new ProcessStartInfo(link, ["play", "--opponent", "rock-biased", "--rounds", "3", "--out", "replays"])
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // The apphost finds the runtime the tests run on, wherever the SDK is installed.
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host) start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            (await error).Should().BeEmpty();
            process.ExitCode.Should().Be(0);
            (await output).Should().Contain("sir against rock-biased: 3 rounds");
            Directory.GetFiles(Path.Combine(work, "replays"), "*.jsonl").Should().ContainSingle("--out is read from the folder the command runs in");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
