using CsCheck;

namespace SirArena.Llm.Tests.Support;

/// <summary>
/// Random damage to a file's bytes, for the property tests of the readers: a few edits, each replacing, inserting or
/// removing one byte, or (when allowed) cutting off everything from a point on.
/// </summary>
public static class ByteDamage
{
    /// <summary>One to <paramref name="most"/> edits of a file of <paramref name="length"/> bytes.</summary>
    public static Gen<(int Kind, int At, byte Value)[]> Edits(int length, bool cuts, int most = 8) =>
        Gen.Select(Gen.Int[0, cuts ? 3 : 2], Gen.Int[0, length - 1], Gen.Byte).Array[1, most];

    /// <summary>The bytes after the edits, applied in order (a position past the end is taken as the last byte).</summary>
    public static byte[] Apply(byte[] original, IEnumerable<(int Kind, int At, byte Value)> edits)
    {
        var bytes = original.ToList();
        foreach (var (kind, at, value) in edits)
        {
            int position = Math.Min(at, bytes.Count - 1);
            if (position < 0) break;
            switch (kind)
            {
                case 0: bytes[position] = value; break;
                case 1: bytes.Insert(position, value); break;
                case 2: bytes.RemoveAt(position); break;
                default: bytes.RemoveRange(position, bytes.Count - position); break;
            }
        }
        return [.. bytes];
    }
}
