using System.Buffers.Binary;
using System.Text;

namespace SirArena.Llm.Tests.Tokenizers;

/// <summary>
/// Just enough of the protobuf wire format (protobuf.dev/programming-guides/encoding) to write a SentencePiece
/// model in a test: varint fields (wire type 0), little-endian 32-bit floats (5) and length-delimited strings
/// and sub-messages (2). Negative ints are written as ten-byte two's-complement varints, as int32 requires.
/// </summary>
public sealed class ProtoWriter
{
    readonly MemoryStream buffer = new();

    public ProtoWriter Int(int field, long value)
    {
        Tag(field, 0);
        Varint(unchecked((ulong)value));
        return this;
    }

    public ProtoWriter Bool(int field, bool value) => Int(field, value ? 1 : 0);

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        buffer.Write(bytes);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, Action<ProtoWriter> write)
    {
        var inner = new ProtoWriter();
        write(inner);
        return Bytes(field, inner.ToArray());
    }

    public byte[] ToArray() => buffer.ToArray();

    ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        Varint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        buffer.WriteByte((byte)value);
    }
}
