using System.Buffers;
using System.Net.Sockets;

namespace MsgRelay.Remote.Transport.Tcp;

/// <summary>One TCP connection: frames written under a lock, read with <see cref="FrameCodec"/>.</summary>
internal sealed class TcpConnection(Socket socket, int maximumFrameSize) : ITransportConnection
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _out = new();
    private byte[] _in = new byte[16 * 1024];
    private int _start;
    private int _end;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _out.ResetWrittenCount();
            FrameCodec.Write(_out, payload.Span, maximumFrameSize);
            await _stream.WriteAsync(_out.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffered = new ReadOnlySequence<byte>(_in, _start, _end - _start);
            switch (FrameCodec.TryRead(buffered, maximumFrameSize, out var payload, out _))
            {
                case FrameReadResult.Complete:
                    // Copied out so the receive buffer can be reused for the next frame.
                    var frame = payload.ToArray();
                    _start += FrameCodec.HeaderSize + frame.Length;
                    return frame;
                case FrameReadResult.TooLarge:
                    throw new InvalidDataException($"Peer sent a frame above msgrelay.remote.maximum-frame-size ({maximumFrameSize} bytes)");
            }
            Compact();
            int read;
            try
            {
                read = await _stream.ReadAsync(_in.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return null;
            }
            if (read == 0)
            {
                return null;
            }
            _end += read;
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return _stream.DisposeAsync();
    }

    private void Compact()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_in, _start, _in, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _in.Length)
        {
            // Grows only up to one maximal frame plus its header (the cap is checked on the prefix).
            Array.Resize(ref _in, Math.Min(_in.Length * 2, maximumFrameSize + FrameCodec.HeaderSize));
        }
    }
}
