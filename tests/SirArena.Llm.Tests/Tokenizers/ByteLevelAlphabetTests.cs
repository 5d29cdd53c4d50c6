using SirArena.Llm.Tokenizers;

namespace SirArena.Llm.Tests.Tokenizers;

public class ByteLevelAlphabetTests
{
    [Theory]
    [InlineData(0x20, 'Ġ')]
    [InlineData(0x0A, 'Ċ')]
    [InlineData(0x00, 'Ā')]
    [InlineData(0x41, 'A')]
    [InlineData(0x7F, 'ġ')]
    [InlineData(0xAD, 'Ń')] // the soft hyphen is invisible, so it is remapped: the last of the 68
    [InlineData(0xFF, 'ÿ')]
    public void Bytes_map_to_GPT2_characters(int b, char expected) =>
        ByteLevelAlphabet.ToChar((byte)b).Should().Be(expected);

    [Fact]
    public void Every_byte_has_its_own_printable_symbol()
    {
        ByteLevelAlphabet.ByteSymbols.Should().HaveCount(256).And.OnlyHaveUniqueItems();
        ByteLevelAlphabet.ByteSymbols.Should().OnlyContain(s => s.Length == 1 && !char.IsWhiteSpace(s[0]) && !char.IsControl(s[0]));
    }

    [Fact]
    public void Text_round_trips_through_the_alphabet()
    {
        const string text = "USER: héllo 😀\n\tend";
        var symbols = ByteLevelAlphabet.FromText(text);
        symbols.Should().StartWith("USER:ĠhÃ©llo");
        System.Text.Encoding.UTF8.GetString(ByteLevelAlphabet.ToBytes(symbols)).Should().Be(text);
    }

    [Fact]
    public void A_character_outside_the_alphabet_is_refused_by_position()
    {
        var act = () => ByteLevelAlphabet.ToBytes("ab c");
        act.Should().Throw<ArgumentException>().WithMessage("*at index 2*");
    }

    [Fact]
    public void Surface_text_names_bytes_that_are_only_part_of_a_character()
    {
        ByteLevelAlphabet.SurfaceText([0x20, 0x72]).Should().Be(" r");
        ByteLevelAlphabet.SurfaceText([0x20, 0xC3]).Should().Be(" <0xC3>");
        ByteLevelAlphabet.SurfaceText([0xC3, 0xA9, 0xA9]).Should().Be("é<0xA9>");
    }
}
