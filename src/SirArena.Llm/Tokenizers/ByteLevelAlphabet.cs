using System.Buffers;
using System.Text;

namespace SirArena.Llm.Tokenizers;

/// <summary>
/// GPT-2's byte-level alphabet (the <c>bytes_to_unicode</c> table of OpenAI's GPT-2 encoder, also used by
/// Hugging Face byte-level BPE): every byte 0..255 is written as one printable character, so that a
/// vocab.json of strings can hold any byte sequence. Bytes that are already printable and unambiguous
/// ('!'..'~', '¡'..'¬', '®'..'ÿ') stand for themselves; the other 68 take the characters U+0100 onward in
/// byte order, which is why a space (0x20) reads 'Ġ' and a newline (0x0A) reads 'Ċ'.
/// </summary>
public static class ByteLevelAlphabet
{
    static readonly char[] ByteToChar = BuildTable();
    static readonly Dictionary<char, byte> CharToByte = ByteToChar
        .Select((c, b) => (c, b: (byte)b))
        .ToDictionary(p => p.c, p => p.b);

    static char[] BuildTable()
    {
        var table = new char[256];
        int next = 0;
        for (int b = 0; b < 256; b++)
            table[b] = StandsForItself(b) ? (char)b : (char)(256 + next++);
        return table;
    }

    static bool StandsForItself(int b) => b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;

    /// <summary>The character that writes <paramref name="b"/>.</summary>
    public static char ToChar(byte b) => ByteToChar[b];

    /// <summary>The byte a character of the alphabet writes; false for characters outside it.</summary>
    public static bool TryToByte(char c, out byte b) => CharToByte.TryGetValue(c, out b);

    /// <summary>The 256 one-character symbols, in byte order: the base of every byte-level vocabulary.</summary>
    public static IReadOnlyList<string> ByteSymbols { get; } = ByteToChar.Select(c => c.ToString()).ToArray();

    /// <summary>UTF-8 text written in the alphabet: " rock" becomes "Ġrock".</summary>
    public static string FromText(string text) => FromBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>Bytes written in the alphabet, one character per byte.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    /// <summary>The bytes a symbol string writes; throws <see cref="ArgumentException"/> at a character outside the alphabet.</summary>
    public static byte[] ToBytes(string symbols)
    {
        var bytes = new byte[symbols.Length];
        for (int i = 0; i < symbols.Length; i++)
        {
            if (!CharToByte.TryGetValue(symbols[i], out bytes[i]))
                throw new ArgumentException(
                    $"'{symbols[i]}' (U+{(int)symbols[i]:X4}) at index {i} of \"{symbols}\" is not a byte-level symbol",
                    nameof(symbols));
        }
        return bytes;
    }

    /// <summary>
    /// The text a token shows a person: its bytes read as UTF-8, with any byte that does not complete a
    /// character on its own (a token may hold half of "é") written as &lt;0xNN&gt;, the way SentencePiece
    /// names byte pieces, rather than as U+FFFD, which would hide which byte it was.
    /// </summary>
    public static string SurfaceText(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out int used) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                for (int i = 0; i < used; i++) text.Append($"<0x{bytes[i]:X2}>");
            }
            bytes = bytes[used..];
        }
        return text.ToString();
    }
}
