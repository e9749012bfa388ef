using System.Buffers.Binary;

namespace Shizhu.Host.Bulletins;

/// <summary>
/// Takes one face out of a TrueType collection (.ttc) as a standalone TrueType font, which is what PDFsharp embeds:
/// the face's table directory is copied with each table after it and the offsets rewritten (the tables are unchanged).
/// A plain .ttf is answered as it is.
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 12 || file[0] != (byte)'t' || file[1] != (byte)'t' || file[2] != (byte)'c' || file[3] != (byte)'f') return file;
        var face = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        var directory = 12 + 16 * tables;
        var records = Enumerable.Range(0, tables).Select(i => face + 12 + 16 * i)
            .Select(r => (Record: r, Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 8)), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 12))))
            .ToList();
        var size = directory + records.Sum(r => Pad(r.Length));
        var font = new byte[size];
        file.AsSpan(face, directory).CopyTo(font);
        var at = directory;
        for (var i = 0; i < records.Count; i++)
        {
            var (_, offset, length) = records[i];
            file.AsSpan(offset, length).CopyTo(font.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * i + 8), (uint)at);
            at += Pad(length);
        }
        return font;
    }

    private static int Pad(int length) => (length + 3) & ~3;
}
