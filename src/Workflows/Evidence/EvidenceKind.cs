namespace Shizhu.Workflows.Evidence;

/// <summary>The kinds of file accepted as evidence, each recognised by its content.</summary>
public enum EvidenceKind
{
    Pdf,
    Jpeg,
    Png,
    /// <summary>Word 2007+: a ZIP package with <c>[Content_Types].xml</c> and a <c>word/</c> part.</summary>
    Docx,
    /// <summary>Excel 2007+: a ZIP package with <c>[Content_Types].xml</c> and an <c>xl/</c> part.</summary>
    Xlsx,
    /// <summary>Word 97–2003: an OLE2 compound file with a <c>WordDocument</c> stream.</summary>
    Doc,
    /// <summary>Excel 97–2003: an OLE2 compound file with a <c>Workbook</c> (or <c>Book</c>) stream.</summary>
    Xls,
}
