// Marks one symbol-version requirement of an ELF shared library as weak (VER_FLG_WEAK).
//
// Why: TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13 and names GLIBCXX_3.4.32 for a single
// symbol (std::ios_base_library_init) that nothing calls. Debian 12's libstdc++ stops at 3.4.30, so the
// loader refuses the library. A weak version need lets the loader accept it; where the system libstdc++
// is new enough the flag changes nothing. See docs/torchsharp-on-debian12.md.
//
// Layout (System V gABI, "Symbol Versioning"): the .gnu.version_r section is a chain of Elf64_Verneed
// records (vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32), each followed by vn_cnt
// Elf64_Vernaux records (vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32).
// Names are offsets into the string table named by the section's sh_link.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory as the build task (Directory.Build.targets)
// and by the Llm tests, which define ELF_PATCH_TESTS to leave out the MSBuild-facing class.
using System;
using System.IO;
using System.Text;

public static class ElfVersionNeeds
{
    public const ushort WeakFlag = 0x2;

    public enum Outcome { Weakened, AlreadyWeak, NotRequired }

    /// <summary>Weakens the need for <paramref name="version"/> in <paramref name="elf"/> (modified in place).</summary>
    public static Outcome Weaken(byte[] elf, string version)
    {
        int at = FindVernaux(elf, version);
        if (at < 0) return Outcome.NotRequired;
        ushort flags = BitConverter.ToUInt16(elf, at + 4);
        if ((flags & WeakFlag) != 0) return Outcome.AlreadyWeak;
        BitConverter.GetBytes((ushort)(flags | WeakFlag)).CopyTo(elf, at + 4);
        return Outcome.Weakened;
    }

    /// <summary>Whether <paramref name="version"/> is required weakly (null when it is not required at all).</summary>
    public static bool? IsWeak(byte[] elf, string version)
    {
        int at = FindVernaux(elf, version);
        return at < 0 ? null : (BitConverter.ToUInt16(elf, at + 4) & WeakFlag) != 0;
    }

    /// <summary>File offset of the Elf64_Vernaux entry naming <paramref name="version"/>, or -1.</summary>
    static int FindVernaux(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file (bad magic)");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        const uint ShtGnuVerneed = 0x6ffffffe;

        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            Require(elf, sh, 64, "section header");
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;

            long offset = BitConverter.ToInt64(elf, sh + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            int strtabHeader = checked((int)(shoff + (long)link * shentsize));
            Require(elf, strtabHeader, 64, "string table header");
            long strtab = BitConverter.ToInt64(elf, strtabHeader + 0x18);

            int need = checked((int)offset);
            while (true)
            {
                Require(elf, need, 16, "Elf64_Verneed");
                int count = BitConverter.ToUInt16(elf, need + 2);
                int aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (int k = 0; k < count; k++)
                {
                    Require(elf, aux, 16, "Elf64_Vernaux");
                    int name = checked((int)(strtab + BitConverter.ToUInt32(elf, aux + 8)));
                    if (CString(elf, name) == version) return aux;
                    uint nextAux = BitConverter.ToUInt32(elf, aux + 12);
                    if (nextAux == 0) break;
                    aux += (int)nextAux;
                }
                uint next = BitConverter.ToUInt32(elf, need + 12);
                if (next == 0) break;
                need += (int)next;
            }
        }
        return -1;
    }

    static void Require(byte[] elf, long at, int size, string what)
    {
        if (at < 0 || at + size > elf.Length)
            throw new InvalidDataException($"truncated ELF file: {what} at offset {at} runs past the end ({elf.Length} bytes)");
    }

    static string CString(byte[] elf, int at)
    {
        int end = at;
        while (end < elf.Length && elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, at, end - at);
    }
}

#if !ELF_PATCH_TESTS
public class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
{
    [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
    [Microsoft.Build.Framework.Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            try
            {
                byte[] bytes = File.ReadAllBytes(path);
                if (ElfVersionNeeds.Weaken(bytes, Version) != ElfVersionNeeds.Outcome.Weakened) continue;
                // Write a new file and rename it over the old one: never write through a hard link into the
                // NuGet cache, and keep the timestamp so incremental copies still see the file as up to date.
                DateTime stamp = File.GetLastWriteTimeUtc(path);
                string temp = path + ".weakening";
                File.WriteAllBytes(temp, bytes);
                File.SetLastWriteTimeUtc(temp, stamp);
                File.Delete(path);
                File.Move(temp, path);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"Marked {Version} weak in {path}");
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError($"{path}: could not mark symbol version {Version} weak: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }
}
#endif
