using System.Security.Cryptography;
using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Evidence;

/// <summary>
/// A read-only pass-through over an upload: replays the bytes already read for sniffing, then the rest of the
/// source, hashing (SHA-256) and counting as the store reads, and refusing (field <c>file</c>) once the count
/// passes the limit, so an oversized upload stops at the limit instead of filling the disk.
/// </summary>
internal sealed class InspectingStream(ReadOnlyMemory<byte> head, Stream source, long maxBytes, string tooLarge) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _headOffset;

    public long BytesRead { get; private set; }

    /// <summary>The SHA-256 of everything read, lower-case hex; call once, after the store read to the end.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headOffset < head.Length) return FromHead(buffer.Span);
        var read = await source.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headOffset < head.Length) return FromHead(buffer);
        var read = source.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    private int FromHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, head.Length - _headOffset);
        head.Span.Slice(_headOffset, count).CopyTo(buffer);
        _headOffset += count;
        Account(buffer[..count]);
        return count;
    }

    private void Account(ReadOnlySpan<byte> bytes)
    {
        BytesRead += bytes.Length;
        if (BytesRead > maxBytes) throw WorkflowException.Invalid("file", tooLarge);
        _hash.AppendData(bytes);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
