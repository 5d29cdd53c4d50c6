using SirArena.Cli.Hosting;

namespace SirArena.Cli.Tests;

/// <summary>The output folder is the first thing a verb writes; when the system refuses it, the user gets one line.</summary>
public class OutputFolderTests
{
    [Fact]
    public void A_full_disk_when_making_the_folder_is_one_sentence_naming_the_flag_and_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "sirarena-full-" + Guid.NewGuid().ToString("N"));

        var create = () => OutputFolder.Create(path, "--out", _ => throw new IOException("No space left on device"));

        create.Should().Throw<ArgumentException>().Which.Message.Should().Be($"--out {path}: cannot create the folder: No space left on device");
        Directory.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void A_folder_that_can_be_made_is_made()
    {
        var path = Path.Combine(Path.GetTempPath(), "sirarena-out-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            OutputFolder.Create(path, "--out").Should().Be(path);
            Directory.Exists(path).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
