using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Shizhu.Host.Errors;

/// <summary>What is wrong with a JSON body before any binding: invalid UTF-8 (located at its field) or broken JSON.</summary>
public sealed record JsonProblem(string Field, string Reason)
{
    public const string InvalidUtf8 = "内容含有无效的 UTF-8 字节，请以 UTF-8 编码提交。";

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }

    /// <summary>The first problem of <paramref name="json"/>, null when it is well-formed UTF-8 JSON.</summary>
    public static JsonProblem? Find(ReadOnlySpan<byte> json)
    {
        var path = new Stack<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    path.Pop();
                    continue;
                }
                if (token == JsonTokenType.PropertyName)
                {
                    if (!Utf8.IsValid(reader.ValueSpan)) return new(Path(path), InvalidUtf8);
                    path.Peek().Property = reader.GetString();
                    continue;
                }
                // A value: in an array it is the next element.
                if (path.TryPeek(out var parent) && parent.IsArray) parent.Index++;
                if (token == JsonTokenType.String && !Utf8.IsValid(reader.ValueSpan)) return new(Path(path), InvalidUtf8);
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray) path.Push(new Frame(token == JsonTokenType.StartArray));
            }
        }
        catch (JsonException e)
        {
            return new(Path(path), $"JSON 格式不正确（第 {e.LineNumber + 1} 行）。");
        }
        return null;
    }

    private static string Path(Stack<Frame> path)
    {
        var text = new StringBuilder();
        foreach (var frame in path.Reverse())
        {
            if (frame.IsArray && frame.Index >= 0) text.Append('[').Append(frame.Index).Append(']');
            else if (!frame.IsArray && frame.Property is { } name) text.Append(text.Length > 0 ? "." : "").Append(name);
        }
        return text.Length > 0 ? text.ToString() : "body";
    }
}
