using System.Text;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>
/// 0.15's Socks5(): on a stream already connected to the proxy, offer no authentication (and RFC 1929
/// username/password when credentials are given), then CONNECT to the destination always by name (ATYP 3), so
/// names and onion ids are resolved by the proxy and never here. Each answer must come within the receive
/// timeout; a silent proxy ends in <see cref="TimeoutException"/>, a refusal in <see cref="Socks5Exception"/>.
/// </summary>
public sealed class Socks5Handshake
{
    private const byte Version = 0x05;
    private const byte NoAuthentication = 0x00;
    private const byte UsernamePassword = 0x02;
    private const byte AuthenticationVersion = 0x01;
    private const byte Connect = 0x01;
    private const byte AddressIPv4 = 0x01;
    private const byte AddressName = 0x03;
    private const byte AddressIPv6 = 0x04;

    private readonly TimeSpan receiveTimeout;

    public Socks5Handshake(TimeSpan receiveTimeout)
    {
        this.receiveTimeout = receiveTimeout;
    }

    public async Task ConnectAsync(Stream proxy, string host, int port, ProxyCredentials? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(host);
        var name = Encoding.ASCII.GetBytes(host);
        if (name.Length > 255)
        {
            throw new Socks5Exception("Hostname too long");
        }

        byte[] greeting = credentials is null
            ? [Version, 1, NoAuthentication]
            : [Version, 2, NoAuthentication, UsernamePassword];
        await proxy.WriteAsync(greeting, cancellationToken).ConfigureAwait(false);
        var chosen = await ReceiveAsync(proxy, 2, cancellationToken).ConfigureAwait(false);
        if (chosen[0] != Version)
        {
            throw new Socks5Exception("Proxy failed to initialize");
        }

        if (chosen[1] == UsernamePassword && credentials is not null)
        {
            await AuthenticateAsync(proxy, credentials, cancellationToken).ConfigureAwait(false);
        }
        else if (chosen[1] != NoAuthentication)
        {
            throw new Socks5Exception($"Proxy requested wrong authentication method {chosen[1]:x2}");
        }

        var request = new byte[7 + name.Length];
        request[0] = Version;
        request[1] = Connect;
        request[3] = AddressName;
        request[4] = (byte)name.Length;
        name.CopyTo(request, 5);
        request[^2] = (byte)(port >> 8);
        request[^1] = (byte)port;
        await proxy.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        await ReadReplyAsync(proxy, cancellationToken).ConfigureAwait(false);
    }

    private async Task AuthenticateAsync(Stream proxy, ProxyCredentials credentials, CancellationToken cancellationToken)
    {
        var user = Encoding.UTF8.GetBytes(credentials.Username);
        var password = Encoding.UTF8.GetBytes(credentials.Password);
        if (user.Length > 255 || password.Length > 255)
        {
            throw new Socks5Exception("Proxy username or password too long");
        }

        byte[] message = [AuthenticationVersion, (byte)user.Length, .. user, (byte)password.Length, .. password];
        await proxy.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        var answer = await ReceiveAsync(proxy, 2, cancellationToken).ConfigureAwait(false);
        if (answer[0] != AuthenticationVersion || answer[1] != 0x00)
        {
            throw new Socks5Exception("Proxy authentication unsuccessful");
        }
    }

    private async Task ReadReplyAsync(Stream proxy, CancellationToken cancellationToken)
    {
        var head = await ReceiveAsync(proxy, 4, cancellationToken).ConfigureAwait(false);
        if (head[0] != Version)
        {
            throw new Socks5Exception("Proxy failed to accept request");
        }

        if (head[1] != Socks5Reply.Succeeded)
        {
            throw new Socks5Exception(Socks5Reply.Describe(head[1]));
        }

        if (head[2] != 0x00)
        {
            throw new Socks5Exception("Error: malformed proxy response");
        }

        // The bound address the proxy reports means nothing to us, but must be read off the stream.
        var boundLength = head[3] switch
        {
            AddressIPv4 => 4,
            AddressIPv6 => 16,
            AddressName => (await ReceiveAsync(proxy, 1, cancellationToken).ConfigureAwait(false))[0],
            _ => throw new Socks5Exception("Error: malformed proxy response"),
        };
        await ReceiveAsync(proxy, boundLength + 2, cancellationToken).ConfigureAwait(false);
    }

    // InterruptibleRecv: all the bytes or a failure, within the receive timeout.
    private async Task<byte[]> ReceiveAsync(Stream proxy, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(receiveTimeout);
        try
        {
            await proxy.ReadExactlyAsync(buffer, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("InterruptibleRecv() timeout or other failure");
        }
        catch (EndOfStreamException e)
        {
            throw new Socks5Exception("Error reading from proxy", e);
        }

        return buffer;
    }
}
