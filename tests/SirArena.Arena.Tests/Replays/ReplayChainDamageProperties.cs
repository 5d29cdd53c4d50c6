using System.Text.Json;
using CsCheck;
using SirArena.Arena.Replays;

namespace SirArena.Arena.Tests.Replays;

/// <summary>
/// Random damage to one file of a three-file chain (rounds 0-3, 4-7, 8-11): the chain reads whole, reads short only
/// when the damage is in its last file, or is refused with a <see cref="ReplayFormatException"/>; never another
/// exception, and never a chain silently cut short by damage to a file before the last.
/// </summary>
public sealed class ReplayChainDamageProperties : IDisposable
{
    const int RoundsPerFile = 4, Rounds = 3 * RoundsPerFile, Iterations = 200;

    readonly ReplayFolder folder = new();
    readonly byte[][] files;
    readonly string[] rounds;

    public ReplayChainDamageProperties()
    {
        using var factory = BaselineFactory.Create();
        var spec = BaselineFactory.Oracle();
        var match = factory.Create(spec);
        var first = folder.File("chain.jsonl");
        using (var recorder = new RollingReplayRecorder(first, spec, match, modelHash: null, RoundsPerFile))
            foreach (var result in match.Play(Rounds)) recorder.Record(result);
        files = [.. Names(first).Select(File.ReadAllBytes)];
        rounds = [.. ReplayChain.Open(first).ReadRounds().Select(r => JsonSerializer.Serialize(r, ReplayJson.Options))];
    }

    public void Dispose() => folder.Dispose();

    static string[] Names(string first) => [first, RollingReplayRecorder.PartPath(first, 2), RollingReplayRecorder.PartPath(first, 3)];

    enum Damage { Truncate, Delete, Flip }

    [Fact]
    public void A_chain_with_one_file_cut_removed_or_flipped_opened_at_any_file_reads_whole_or_short_only_at_its_end_or_is_refused()
    {
        var damage = Gen.Select(Gen.Int[0, 2], Gen.Enum<Damage>(), Gen.Double.Unit, Gen.Byte, Gen.Int[0, 2]);
        damage.Sample((index, kind, where, value, open) =>
        {
            var chain = Directory.CreateDirectory(folder.File(Guid.NewGuid().ToString("N"))).FullName;
            var names = Names(Path.Combine(chain, "chain.jsonl"));
            for (int i = 0; i < files.Length; i++) File.WriteAllBytes(names[i], files[i]);
            int at = (int)(where * files[index].Length);
            switch (kind)
            {
                case Damage.Truncate: File.WriteAllBytes(names[index], files[index][..at]); break;
                case Damage.Delete: File.Delete(names[index]); break;
                case Damage.Flip:
                    var bytes = (byte[])files[index].Clone();
                    bytes[at] = value;
                    File.WriteAllBytes(names[index], bytes);
                    break;
            }
            List<string> read;
            try
            {
                var opened = ReplayChain.Open(File.Exists(names[open]) ? names[open] : names.Last(File.Exists));
                read = [.. opened.ReadRounds().Select(r => JsonSerializer.Serialize(r, ReplayJson.Options))];
            }
            catch (ReplayFormatException e)
            {
                names.Select(Path.GetFileName).Should().Contain(n => e.Message.Contains(n!), "a refusal names a file of the chain");
                return;
            }
            finally
            {
                Directory.Delete(chain, recursive: true);
            }

            bool last = index == files.Length - 1;
            if (kind == Damage.Flip)
                read.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("round").GetInt64())
                    .Should().Equal(Enumerable.Range(0, read.Count).Select(i => (long)i));
            else
                read.Should().Equal(rounds.Take(read.Count), "a chain cut or missing a file reads only recorded rounds");
            if (!last) read.Should().HaveCount(Rounds, "damage before the last file never shortens the chain unseen");
        }, iter: Iterations);
    }
}
