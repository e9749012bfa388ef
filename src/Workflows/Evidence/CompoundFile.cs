using System.Buffers.Binary;
using System.Text;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// Reads the directory of an OLE2 compound file (the container of .doc and .xls, but also of .msi installers and
/// .msg mails), so the engine can tell a Word or Excel document from anything else in the same wrapper. Only
/// the names of the directory entries are read, with every offset checked and every chain bounded.
/// </summary>
internal static class CompoundFile
{
    public static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const int HeaderDifatEntries = 109;
    private const int MaxChainLength = 4096;

    /// <summary>The names of the storages and streams in the directory; null when the file is not a sound compound file.</summary>
    public static async Task<IReadOnlyList<string>?> ReadEntryNamesAsync(Stream stream, CancellationToken ct)
    {
        var header = new byte[512];
        if (!await ReadAtAsync(stream, 0, header, ct) || !header.AsSpan(0, 8).SequenceEqual(Signature)) return null;
        if (UInt16(header, 28) != 0xFFFE) return null;
        var shift = UInt16(header, 30);
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var fatSectorCount = UInt32(header, 44);
        if (fatSectorCount > MaxChainLength) return null;

        // Which sectors hold the FAT: the first 109 are listed in the header, the rest in the DIFAT chain.
        var fatSectors = new List<uint>();
        for (var i = 0; i < HeaderDifatEntries && fatSectors.Count < fatSectorCount; i++) fatSectors.Add(UInt32(header, 76 + 4 * i));
        var buffer = new byte[sectorSize];
        var difat = UInt32(header, 68);
        for (var hops = 0; fatSectors.Count < fatSectorCount && difat < MaxRegularSector; hops++)
        {
            if (hops >= MaxChainLength || !await ReadSectorAsync(stream, difat, buffer, ct)) return null;
            for (var i = 0; i < sectorSize / 4 - 1 && fatSectors.Count < fatSectorCount; i++) fatSectors.Add(UInt32(buffer, 4 * i));
            difat = UInt32(buffer, sectorSize - 4);
        }

        // Walk the directory's sector chain through the FAT; each sector holds 128-byte entries.
        var names = new List<string>();
        var fat = new byte[sectorSize];
        var perFatSector = (uint)(sectorSize / 4);
        var sector = UInt32(header, 48);
        for (var hops = 0; sector < MaxRegularSector; hops++)
        {
            if (hops >= MaxChainLength || !await ReadSectorAsync(stream, sector, buffer, ct)) return null;
            for (var offset = 0; offset + 128 <= sectorSize; offset += 128)
            {
                var nameBytes = UInt16(buffer, offset + 64);
                var type = buffer[offset + 66];
                if (type is 1 or 2 or 5 && nameBytes is >= 2 and <= 64 && nameBytes % 2 == 0)
                    names.Add(Encoding.Unicode.GetString(buffer, offset, nameBytes - 2));
            }
            var fatIndex = sector / perFatSector;
            if (fatIndex >= fatSectors.Count || !await ReadSectorAsync(stream, fatSectors[(int)fatIndex], fat, ct)) return null;
            sector = UInt32(fat, (int)(sector % perFatSector) * 4);
        }
        return names.Count > 0 ? names : null;
    }

    private static Task<bool> ReadSectorAsync(Stream stream, uint sector, byte[] buffer, CancellationToken ct) =>
        // Sector n starts after the header, which takes the place of sector -1.
        ReadAtAsync(stream, ((long)sector + 1) * buffer.Length, buffer, ct);

    private static async Task<bool> ReadAtAsync(Stream stream, long offset, byte[] buffer, CancellationToken ct)
    {
        if (offset < 0 || offset >= stream.Length) return false;
        stream.Position = offset;
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        // Writers may leave the last sector short: what is missing reads as zeros.
        buffer.AsSpan(read).Clear();
        return read > 0;
    }

    private static ushort UInt16(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset));

    private static uint UInt32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
}
