using SirArena.Llm.Tokenizers;
using SirArena.Simulation.Agents;
using SirArena.Simulation.Loop;
using SirArena.Simulation.Randomness;
using SirArena.Training.Tests.Support;
using SirArena.Training.Tokenization;

namespace SirArena.Training.Tests.Tokenization;

public class ByteLevelBpeTrainerTests
{
    [Fact]
    public void One_corpus_always_gives_the_same_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        Shipped.TrainVocabulary().Save(first.Path);
        Shipped.TrainVocabulary().Save(second.Path);

        foreach (var file in new[] { BpeFiles.VocabFileName, BpeFiles.MergesFileName })
            File.ReadAllBytes(Path.Combine(second.Path, file)).Should().Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), file);
    }

    [Fact]
    public void Ties_between_pairs_go_to_the_ordinally_smaller_pair()
    {
        var trainer = new ByteLevelBpeTrainer(258);
        foreach (var chunk in new[] { "cd", "ab", "cd", "ab" }) trainer.Add(chunk);

        var vocabulary = trainer.Train();

        vocabulary.Merges.Should().Equal(("a", "b"), ("c", "d"));
        vocabulary.Tokens["ab"].Should().Be(256);
    }

    [Fact]
    public void It_stops_when_every_piece_is_one_token()
    {
        var trainer = new ByteLevelBpeTrainer(1000);
        trainer.Add("rock rock");
        trainer.Add("rock rock");

        var vocabulary = trainer.Train();

        vocabulary.Count.Should().BeLessThan(1000);
        vocabulary.Tokens.Should().ContainKeys("rock", "Ġrock");
    }

    [Fact]
    public void The_tokenizer_it_writes_round_trips_every_scenarios_text()
    {
        var tokenizer = Shipped.Tokenizer;
        foreach (var name in Shipped.Catalog.Names)
        {
            var scenario = Shipped.Catalog.Create(name, seed: 11);
            var agent = new RandomAgent(new StableRandom(5));
            for (int round = 0; round < 40; round++)
            {
                var turn = scenario.NextTurn();
                foreach (var text in turn.Candidates.Append(turn.Prompt))
                    tokenizer.Decode(tokenizer.Encode(text)).Should().Be(text, $"{name} round {round}");
                scenario.Resolve(agent.Choose(turn));
            }
        }
    }

    [Fact]
    public void Moves_letters_and_items_are_single_tokens()
    {
        var tokenizer = Shipped.Tokenizer;
        var words = new[] { "rock", " rock", "paper", " paper", "scissors", " scissors", "A", "B", "C", "D" }
            .Concat(Shipped.Grocery.Items.Where(item => !item.Contains(' ')));
        foreach (var word in words) tokenizer.Encode(word).Should().HaveCount(1, $"\"{word}\" should be one token");
    }

    [Fact]
    public void A_rock_paper_scissors_round_is_about_as_long_as_the_papers()
    {
        var scenario = Shipped.Catalog.Create("rock-biased", 1);
        scenario.NextTurn();
        scenario.Resolve(new AgentChoice(0, [0, 0, 0]));
        var prompt = scenario.NextTurn().Prompt;

        // The paper's round is about 44 tokens; ours is the prompt plus the one-token answer.
        (Shipped.Tokenizer.Encode(prompt).Length + 1).Should().BeInRange(40, 50);
    }
}
