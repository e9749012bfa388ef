using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Shizhu.Host.Bulletins;

/// <summary>
/// A small A4 writer for the bulletins' PDFs: a title, wrapped paragraphs and tables that continue on the next page with
/// their header. Chinese has no spaces, so lines are wrapped by measured characters.
/// </summary>
public sealed class PdfSheet
{
    private const double Margin = 50;
    private readonly PdfDocument _document = new();
    private readonly XFont _text = new(CjkFontResolver.Family, 10);
    private readonly XFont _small = new(CjkFontResolver.Family, 8);
    private readonly XFont _heading = new(CjkFontResolver.Family, 13, XFontStyleEx.Bold);
    private readonly XFont _title = new(CjkFontResolver.Family, 18, XFontStyleEx.Bold);
    private XGraphics _page = null!;
    private double _y;
    private double _width;

    private readonly bool _landscape;

    public PdfSheet(string title, bool landscape = false)
    {
        _document.Info.Title = title;
        _landscape = landscape;
        NewPage();
    }

    public void Title(string text, string? subtitle)
    {
        Centered(text, _title, XBrushes.DarkRed);
        if (subtitle is not null) Centered(subtitle, _text, XBrushes.Black);
        _page.DrawLine(new XPen(XColors.DarkRed, 1.5), Margin, _y + 4, Margin + _width, _y + 4);
        _y += 14;
    }

    public void Heading(string text)
    {
        Room(30);
        _y += 6;
        _page.DrawString(text, _heading, XBrushes.Black, new XPoint(Margin, _y + 13));
        _y += 20;
    }

    public void Paragraph(string text)
    {
        foreach (var line in Wrap(text, _text, _width))
        {
            Room(16);
            _page.DrawString(line, _text, XBrushes.Black, new XPoint(Margin, _y + 11));
            _y += 16;
        }
        _y += 4;
    }

    /// <summary>A table with relative column widths; each cell's text wraps within its column.</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<double> weights, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = weights.Select(w => w / weights.Sum() * _width).ToList();
        Row(headers, widths, _small, header: true);
        foreach (var row in rows) Row(row, widths, _small, header: false);
    }

    public byte[] ToBytes()
    {
        _page.Dispose();
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Draws one row; after a page break a body row is preceded by the table's header again.</summary>
    private void Row(IReadOnlyList<string> cells, IReadOnlyList<double> widths, XFont font, bool header)
    {
        var lines = cells.Select((c, i) => Wrap(c, font, widths[i] - 6)).ToList();
        var height = lines.Max(l => l.Count) * 11 + 6;
        if (Room(height) && !header) Row(HeaderOf, widths, font, header: true);
        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            var box = new XRect(x, _y, widths[i], height);
            if (header) _page.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 238, 238)), box);
            _page.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
            for (var l = 0; l < lines[i].Count; l++) _page.DrawString(lines[i][l], font, XBrushes.Black, new XPoint(x + 3, _y + 11 + l * 11));
            x += widths[i];
        }
        if (header) HeaderOf = cells;
        _y += height;
    }

    private IReadOnlyList<string> HeaderOf { get; set; } = [];

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var ch in paragraph)
            {
                if (line.Length > 0 && _page.MeasureString(line + ch, font).Width > width)
                {
                    lines.Add(line);
                    line = "";
                }
                line += ch;
            }
            lines.Add(line);
        }
        return lines;
    }

    private void Centered(string text, XFont font, XBrush brush)
    {
        _page.DrawString(text, font, brush, new XRect(Margin, _y, _width, font.Size + 8), XStringFormats.Center);
        _y += font.Size + 12;
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; answers whether it did.</summary>
    private bool Room(double height)
    {
        if (_y + height <= _page.PageSize.Height - Margin) return false;
        NewPage();
        return true;
    }

    private void NewPage()
    {
        _page?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        if (_landscape) page.Orientation = PdfSharp.PageOrientation.Landscape;
        _page = XGraphics.FromPdfPage(page);
        _width = _page.PageSize.Width - 2 * Margin;
        _y = Margin;
    }
}
