using System.Buffers.Binary;
using System.Text;

namespace SirArena.Llm.Tests.Checkpoints;

/// <summary>Writes safetensors files byte by byte, so that tests can make the broken ones the writer never would.</summary>
internal static class RawSafeTensors
{
    /// <summary>The length prefix (that of <paramref name="header"/> unless <paramref name="declaredLength"/> lies), the header, the data.</summary>
    public static void Write(string path, string header, byte[] data, ulong? declaredLength = null)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        File.WriteAllBytes(path, bytes);
    }
}
