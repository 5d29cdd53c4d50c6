using System.Text;
using System.Text.Json;
using CsCheck;
using SirArena.Arena.Replays;
using SirArena.Llm.Tests.Support;

namespace SirArena.Arena.Tests.Replays;

/// <summary>
/// Random damage to a real replay: the reader either reads it, within what the damage can explain, or refuses it with
/// a <see cref="ReplayFormatException"/> naming the file; never another exception. A line has no checksum, so an
/// edit that leaves it a valid record (a letter of a token's text, a digit of a score) reads as that record: what is
/// guaranteed is that every round the damage did not touch reads back as it was, and that rounds are lost without an
/// error only as a cut-off end.
/// </summary>
public sealed class ReplayDamageProperties : IClassFixture<RecordedLlmMatch>, IDisposable
{
    const int Rounds = 6;
    const int Iterations = 300;

    readonly ReplayFolder folder = new();
    /// <summary>The header and the first rounds of a recorded SirLLM match, traces and all.</summary>
    readonly byte[] original;
    /// <summary>Where each line ends (its newline), the header's first.</summary>
    readonly int[] newlines;
    readonly string[] rounds;

    public ReplayDamageProperties(RecordedLlmMatch recorded)
    {
        var lines = File.ReadAllLines(recorded.File).Take(1 + Rounds);
        original = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        newlines = [.. Enumerable.Range(0, original.Length).Where(i => original[i] == '\n')];
        rounds = [.. Read(original).Rounds!];
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The rounds read through the chain reader, or the refusal; any other exception fails the property.</summary>
    (List<string>? Rounds, bool CutOff, ReplayFormatException? Refused) Read(byte[] bytes)
    {
        var file = folder.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(file, bytes);
        try
        {
            var chain = ReplayChain.Open(file);
            var read = chain.ReadRounds().Select(r => JsonSerializer.Serialize(r, ReplayJson.Options)).ToList();
            chain.Files.Should().Equal(file);
            return (read, chain.WasCutOff, null);
        }
        catch (ReplayFormatException e)
        {
            e.FilePath.Should().Be(file, "a refusal names the damaged file");
            return (null, false, e);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The line (0 the header, 1 the first round) that holds byte <paramref name="position"/>; a line's newline is its own.</summary>
    int LineOf(int position)
    {
        int line = Array.BinarySearch(newlines, position);
        return line >= 0 ? line : ~line;
    }

    [Fact]
    public void A_replay_cut_anywhere_reads_exactly_the_whole_rounds_before_the_cut_or_is_refused_for_a_cut_header()
    {
        Gen.Int[0, original.Length - 1].Sample(cut =>
        {
            var (read, cutOff, refused) = Read(original[..cut]);

            if (cut < newlines[0])
            {
                refused.Should().NotBeNull("the header is cut at byte {0}", cut);
                refused!.Line.Should().Be(1);
                return;
            }
            int whole = newlines.Skip(1).Count(n => n <= cut);
            int nextLineStart = newlines[whole] + 1;
            read.Should().Equal(rounds.Take(whole), "a cut at byte {0} leaves {1} whole rounds", cut, whole);
            cutOff.Should().Be(cut > nextLineStart, "only a part of a line left behind is a cut-off round");
        }, iter: Iterations);
    }

    [Fact]
    public void A_replay_with_one_byte_changed_or_inserted_reads_every_untouched_round_as_it_was_or_is_refused()
    {
        var damage = Gen.Select(Gen.Int[0, original.Length], Gen.Byte, Gen.Bool);
        damage.Sample((position, value, insert) =>
        {
            if (!insert && position == original.Length) position--;
            var bytes = insert ? [.. original[..position], value, .. original[position..]] : (byte[])original.Clone();
            if (!insert) bytes[position] = value;
            int line = position == original.Length ? Rounds + 1 : LineOf(position);
            int damaged = line - 1; // the damaged round's index; -1 for the header, Rounds for a new line at the end

            var (read, cutOff, _) = Read(bytes);

            if (read is null) return; // refused, naming the file: always allowed
            if (cutOff)
            {
                read.Should().Equal(rounds.Take(read.Count), "rounds read before a cut-off line are the recorded ones");
                read.Count.Should().BeGreaterThanOrEqualTo(damaged, "no round before the damage is lost");
                damaged.Should().BeGreaterThanOrEqualTo(Rounds - 2, "damage reads as a cut-off end only in the last lines");
                return;
            }
            read.Should().HaveCount(Rounds, "a replay read without a cut-off end holds every round");
            for (int i = 0; i < Rounds; i++)
                if (i != damaged) read[i].Should().Be(rounds[i], "round {0} was not touched by damage in line {1}", i, line + 1);
        }, iter: Iterations);
    }

    [Fact]
    public void A_replay_with_random_damage_in_several_places_reads_consecutive_rounds_or_is_refused()
    {
        ByteDamage.Edits(original.Length, cuts: true).Sample(edits =>
        {
            var bytes = ByteDamage.Apply(original, edits);

            var (read, _, _) = Read(bytes);

            if (read is null) return;
            read.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("round").GetInt64())
                .Should().Equal(Enumerable.Range(0, read.Count).Select(i => (long)i), "the reader checks every round follows the one before");
        }, iter: Iterations);
    }
}
