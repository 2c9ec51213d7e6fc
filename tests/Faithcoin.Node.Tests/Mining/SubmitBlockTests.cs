using Faithcoin.Consensus.Validation;
using Faithcoin.Node.Mining;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Tests.Statistics;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>submitblock's decoding errors and BIP22 answers as 0.15 gives them.</summary>
public sealed class SubmitBlockTests(SliceFixture fixture) : IClassFixture<SliceFixture>
{
    [Theory]
    [InlineData(KnownBlockState.FullyValidated, "duplicate")]
    [InlineData(KnownBlockState.Failed, "duplicate-invalid")]
    [InlineData(KnownBlockState.HeaderOnly, null)]
    [InlineData(KnownBlockState.Unknown, null)]
    public void KnownBlocksAreAnsweredWithoutProcessing(KnownBlockState known, string? answer)
    {
        Assert.Equal(answer, SubmitBlockResultMapper.BeforeProcessing(known));
    }

    [Fact]
    public void NewBlocksAnswerWithTheirValidationState()
    {
        Assert.Null(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.Unknown, true, BlockCheckedState.Valid));
        Assert.Equal("inconclusive", Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.Unknown, true, null)));
        Assert.Equal("inconclusive", Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.Unknown, false, null)));
        Assert.Equal(
            "bad-cb-amount",
            Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.Unknown, false, BlockCheckedState.Invalid(new ValidationError("bad-cb-amount", 100)))));
        Assert.Equal(
            "rejected",
            Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.Unknown, false, BlockCheckedState.Invalid(new ValidationError(string.Empty, 100)))));
    }

    [Fact]
    public void BlocksWhoseHeaderWasKnownAreDuplicates()
    {
        Assert.Equal("duplicate-inconclusive", Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.HeaderOnly, true, null)));
        Assert.Equal("duplicate", Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.HeaderOnly, false, null)));
        Assert.Equal("duplicate", Text(SubmitBlockResultMapper.AfterProcessing(KnownBlockState.HeaderOnly, true, BlockCheckedState.Valid)));
    }

    [Fact]
    public void SystemErrorsAreRpcErrors()
    {
        var error = Assert.Throws<RpcException>(() =>
            SubmitBlockResultMapper.AfterProcessing(KnownBlockState.Unknown, false, BlockCheckedState.Error("out of disk space")));

        Assert.Equal(RpcErrorCode.VerifyError, error.Code);
        Assert.Equal("out of disk space", error.Message);
    }

    [Fact]
    public void ABlockDecodesFromHexWithTrailingBytesIgnored()
    {
        var hex = Convert.ToHexString(fixture.Raw[435]);

        Assert.Equal(fixture.Headers[435].HashBlock, SubmittedBlockDecoder.Decode(hex).GetHash());
        Assert.Equal(fixture.Headers[435].HashBlock, SubmittedBlockDecoder.Decode(hex.ToLowerInvariant() + "00").GetHash());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("zz")]
    [InlineData("00000020")]
    public void UndecodableHexFails(string hex)
    {
        var error = Assert.Throws<RpcException>(() => SubmittedBlockDecoder.Decode(hex));

        Assert.Equal(RpcErrorCode.DeserializationError, error.Code);
        Assert.Equal("Block decode failed", error.Message);
    }

    [Fact]
    public void ABlockMustStartWithACoinbase()
    {
        var block = fixture.Block(300);
        block.Transactions.RemoveAt(0);

        var error = Assert.Throws<RpcException>(() => SubmittedBlockDecoder.Decode(Convert.ToHexString(block.ToBytes())));

        Assert.Equal(RpcErrorCode.DeserializationError, error.Code);
        Assert.Equal("Block does not start with a coinbase", error.Message);
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) => node?.GetValue<string>();
}
