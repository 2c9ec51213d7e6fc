using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>A BIP61 reject: the refused command, a code, a reason and, for blocks and transactions, the hash.</summary>
public sealed record RejectMessage(string Command, RejectCode Code, string Reason, uint256? Hash = null);
