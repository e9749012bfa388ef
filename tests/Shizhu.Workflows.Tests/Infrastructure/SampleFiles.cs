using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>Small but structurally real files of each kind, built in code, and some impostors.</summary>
public static class SampleFiles
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>
    /// A decodable 1×1 grey baseline JPEG: JFIF, one quantisation table, the frame, one DC and one AC Huffman table
    /// of a single code each, the scan (DC difference 0, end of block) and EOI.
    /// </summary>
    public static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64),
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[15], 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[15], 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x3F,
        0xFF, 0xD9,
    ];

    /// <summary>A 1×1 PNG: signature, IHDR, one IDAT, IEND, every CRC correct.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>The start of a Windows executable: "MZ", then the DOS stub.</summary>
    public static readonly byte[] Executable = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. new byte[64]];

    public static byte[] Docx() => Package("word/document.xml");

    public static byte[] Xlsx() => Package("xl/workbook.xml");

    /// <summary>A Word package with a VBA project: what a .docm is.</summary>
    public static byte[] DocxWithMacros() => Package("word/document.xml", "word/vbaProject.bin");

    /// <summary>A ZIP that is not an Office package (no [Content_Types].xml).</summary>
    public static byte[] PlainZip() => Zip(("readme.txt", "hello"));

    public static byte[] Doc() => CompoundFile("WordDocument");

    /// <summary>A Word 97 file carrying an OLE package (an embedded file behind an icon).</summary>
    public static byte[] DocWithPackage() => CompoundFile("WordDocument", "\u0001Ole10Native");

    public static byte[] Xls() => CompoundFile("Workbook");

    /// <summary>An OLE2 file that is neither Word nor Excel (as an .msi installer is).</summary>
    public static byte[] OtherCompoundFile() => CompoundFile("\u0005SummaryInformation");

    private static byte[] Package(params string[] parts) =>
        Zip([("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            .. parts.Select(p => (p, "<x/>"))]);

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }

    /// <summary>
    /// A minimal OLE2 compound file with 512-byte sectors: the header, one FAT sector (sector 0) and one directory
    /// sector (sector 1) holding the root entry and one stream named <paramref name="streamName"/>.
    /// </summary>
    private static byte[] CompoundFile(string streamName, string? secondStream = null)
    {
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);            // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);            // the directory starts at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], 0xFFFFFFFE);   // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], 0xFFFFFFFE);   // no DIFAT sectors
        header[76..].Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(header[76..], 0);            // the FAT is sector 0

        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);            // sector 0: FAT
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);       // sector 1: end of the directory chain

        var directory = file.AsSpan(1024, 512);
        WriteEntry(directory[..128], "Root Entry", type: 5);
        WriteEntry(directory[128..256], streamName, type: 2);
        if (secondStream is not null) WriteEntry(directory[256..384], secondStream, type: 2);
        return file;
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(bytes.Length + 2));
        entry[66] = type;
    }
}
