using System.Text.Json;
using Faithcoin.Cli.Json;

namespace Faithcoin.Node.Tests.Cli;

/// <summary>The client's printing of results: UniValue write(2) and write() byte for byte.</summary>
public sealed class UniValueWriterTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void PrettyPrintsNestedValuesWithTwoSpacesAndKeepsNumberText()
    {
        var value = Parse("""{"a":50.00000000,"b":[1,{"c":4.656542373906925e-10}],"d":true,"e":null,"f":"x"}""");
        Assert.Equal(
            "{\n  \"a\": 50.00000000,\n  \"b\": [\n    1,\n    {\n      \"c\": 4.656542373906925e-10\n    }\n  ],\n" +
            "  \"d\": true,\n  \"e\": null,\n  \"f\": \"x\"\n}",
            UniValueWriter.Write(value, 2));
    }

    [Fact]
    public void EmptyContainersSpanTwoLinesAsUniValueWritesThem()
    {
        Assert.Equal("[\n]", UniValueWriter.Write(Parse("[]"), 2));
        Assert.Equal("{\n}", UniValueWriter.Write(Parse("{}"), 2));
        Assert.Equal("{\n  \"a\": [\n  ],\n  \"b\": {\n  }\n}", UniValueWriter.Write(Parse("""{"a":[],"b":{}}"""), 2));
    }

    [Fact]
    public void CompactFormHasNoSpaces()
    {
        Assert.Equal("""{"a":[1,"2"],"b":{}}""", UniValueWriter.Write(Parse("""{ "a" : [ 1 , "2" ] , "b" : { } }""")));
    }

    [Fact]
    public void StringsEscapeOnlyWhatUniValueEscapes()
    {
        var value = Parse("\"q\\\" b\\\\ n\\n t\\t c\\u0001 d\\u007f / <é€>\"");
        Assert.Equal("\"q\\\" b\\\\ n\\n t\\t c\\u0001 d\\u007f / <é€>\"", UniValueWriter.Write(value, 2));
        Assert.Equal("\"\\b\\f\\r\\u001f\"", UniValueWriter.Quote("\b\f\r\u001f"));
    }
}
