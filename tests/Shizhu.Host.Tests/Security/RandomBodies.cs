using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Shizhu.Host.Tests.Security;

/// <summary>
/// Bodies for the fuzz test, from one seeded <see cref="Random"/> so a failure reproduces: JSON of random shape
/// with the API's own field names, then mutated — invalid UTF-8 inside strings, truncated, a byte flipped, nulls,
/// huge numbers, wrong content types, broken multipart.
/// </summary>
internal sealed class RandomBodies(int seed)
{
    private static readonly string[] Fields =
    [
        "townshipCode", "track", "startYear", "targetYear", "outcome", "data", "comment", "reason", "name", "payload", "userName",
        "password", "displayName", "roles", "departmentCode", "entries", "to", "advanceDays", "key", "stages", "elements", "flows",
        "date", "kind", "requirement", "result", "email", "id", "type",
    ];

    private static readonly string[] Numbers =
        ["0", "-1", "1.5", "2147483648", "-9223372036854775809", "1e308", "1e400", "99999999999999999999999999", "-0", "NaN"];

    private static readonly string[] Texts = ["", " ", "municipal", "500240105", "passed", "\u0000", "𝕊", "'; DROP TABLE journal;--", "2022-01-04", "9999-12-31T23:59:59Z"];

    private readonly Random _random = new(seed);

    public HttpContent Next()
    {
        return _random.Next(10) switch
        {
            0 => WithType(Bytes(Json(3)), "text/plain"),
            1 => WithType(Bytes(Json(3)), "application/xml"),
            2 => Multipart(),
            3 => WithType([], "application/json"),
            _ => WithType(Mutate(Bytes(Json(3))), "application/json"),
        };
    }

    private byte[] Mutate(byte[] json) => _random.Next(6) switch
    {
        0 => InvalidUtf8InAString(json),
        1 when json.Length > 1 => json[..(_random.Next(1, json.Length))],
        2 when json.Length > 0 => Flip(json),
        _ => json,
    };

    /// <summary>Invalid UTF-8 at the start of every string value (not the names, so the binder still finds the fields).</summary>
    private static byte[] InvalidUtf8InAString(byte[] json)
    {
        var result = new List<byte>(json.Length + 64);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            result.Add(json[i]);
            if (json[i] != (byte)'"' || (i > 0 && json[i - 1] == (byte)'\\')) continue;
            inString = !inString;
            if (inString && PreviousSignificant(json, i) == (byte)':') result.AddRange([0xC3, 0x28, 0xFF, 0x80]);
        }
        return [.. result];
    }

    private static byte PreviousSignificant(byte[] json, int index)
    {
        for (var i = index - 1; i >= 0; i--)
            if (json[i] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return json[i];
        return 0;
    }

    private byte[] Flip(byte[] json)
    {
        var copy = (byte[])json.Clone();
        copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private string Json(int depth)
    {
        // Objects most of the time, and always at the top: the API's bodies are objects (but for the calendar's array).
        var choice = depth <= 0 ? _random.Next(5) : depth == 3 && _random.Next(5) > 0 ? 7 : _random.Next(9);
        return choice switch
        {
            0 => "null",
            1 => _random.Next(2) == 0 ? "true" : "false",
            2 => Numbers[_random.Next(Numbers.Length)],
            3 => Quote(Texts[_random.Next(Texts.Length)]),
            4 => Quote(new string('字', _random.Next(1, 3) == 1 ? 3 : 5000)),
            5 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => Json(depth - 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Quote(Fields[_random.Next(Fields.Length)]) + ":" + Json(depth - 1))) + "}",
        };
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\u0000", "\\u0000", StringComparison.Ordinal) + "\"";

    private HttpContent Multipart()
    {
        var boundary = "fz" + _random.Next(1000).ToString(CultureInfo.InvariantCulture);
        var declared = _random.Next(2) == 0 ? boundary : "other";
        var payload = new byte[_random.Next(0, 64)];
        _random.NextBytes(payload);
        byte[] body =
        [
            .. Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-"),
            .. payload,
            .. (_random.Next(2) == 0 ? Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n") : []),
        ];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={declared}");
        return content;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static ByteArrayContent WithType(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }
}
