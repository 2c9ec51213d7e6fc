using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// reject, which is only logged (and never answered, whatever it holds).
/// </summary>
public sealed partial class QuietHandler : IMessageHandler
{
    private readonly ILogger logger;

    public QuietHandler(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Reject];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        LogReject(peer.Id, frame.Payload);
        return ValueTask.CompletedTask;
    }

    private void LogReject(long peer, byte[] payload)
    {
        try
        {
            var reject = RejectMessageCodec.Read(payload);
            LogRejectReceived(logger, reject.Command, (int)reject.Code, reject.Reason, peer);
        }
        catch (MalformedPayloadException)
        {
            // As 0.15: a bad reject must never cause a reject back.
            LogUnparseableReject(logger, peer);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reject {Command} code {Code}: {Reason} peer={Peer}")]
    private static partial void LogRejectReceived(ILogger logger, string command, int code, string reason, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unparseable reject message received peer={Peer}")]
    private static partial void LogUnparseableReject(ILogger logger, long peer);
}
