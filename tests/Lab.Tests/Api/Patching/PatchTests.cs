using System.Text.Json.Nodes;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Tests.Api.Patching;

public sealed class PatchTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Test]
    public void JsonMergePatch_NullDeletesAndObjectsMerge()
    {
        var result = JsonMergePatch.Apply(Obj("""{"a":{"b":1,"c":2},"d":[1,2]}"""), JsonNode.Parse("""{"a":{"b":null,"e":3},"d":[9]}"""));

        Assert.That(result!.ToJsonString(), Is.EqualTo("""{"a":{"c":2,"e":3},"d":[9]}"""));
    }

    [Test]
    public void JsonPatch_AllOperations_Apply()
    {
        var result = JsonPatch.Apply(Obj("""{"a":[1,2],"b":{"c":"x"},"d/e":1}"""), JsonNode.Parse("""
            [{"op":"add","path":"/a/-","value":3},{"op":"add","path":"/a/0","value":0},{"op":"replace","path":"/b/c","value":"y"},
             {"op":"copy","from":"/b","path":"/f"},{"op":"move","from":"/d~1e","path":"/g"},{"op":"remove","path":"/a/1"},
             {"op":"test","path":"/f/c","value":"y"}]
            """));

        Assert.That(result.ToJsonString(), Is.EqualTo("""{"a":[0,2,3],"b":{"c":"y"},"f":{"c":"y"},"g":1}"""));
    }

    [Test]
    public void JsonPatch_RemoveMissingPath_Throws422Kind()
    {
        var ex = Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("{}"), JsonNode.Parse("""[{"op":"remove","path":"/nope"}]""")));

        Assert.That(ex!.Malformed, Is.False);
    }

    [Test]
    public void JsonPatch_NotAnArray_IsMalformed()
    {
        var ex = Assert.Throws<PatchException>(() => JsonPatch.Apply(Obj("{}"), JsonNode.Parse("""{"op":"remove"}""")));

        Assert.That(ex!.Malformed, Is.True);
    }

    [Test]
    public void StrategicMergePatch_ContainersMergeByNameAndDirectives()
    {
        var target = Obj("""{"containers":[{"name":"a","image":"1","env":[{"name":"X","value":"1"}]},{"name":"b","image":"2"}],"tolerations":[{"key":"t"}],"keep":1,"drop":2}""");

        var result = StrategicMergePatch.Apply(target, JsonNode.Parse("""
            {"containers":[{"name":"a","env":[{"name":"Y","value":"2"}]},{"name":"b","$patch":"delete"}],"tolerations":[{"key":"u"}],
             "$setElementOrder/containers":[{"name":"a"}],"drop":null}
            """));

        Assert.That(result.ToJsonString(), Is.EqualTo(
            """{"containers":[{"name":"a","image":"1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}],"tolerations":[{"key":"u"}],"keep":1}"""));
    }

    [Test]
    public void StrategicMergePatch_PatchReplace_ReplacesTheMap()
    {
        var result = StrategicMergePatch.Apply(Obj("""{"m":{"a":1,"b":2}}"""), JsonNode.Parse("""{"m":{"$patch":"replace","c":3}}"""));

        Assert.That(result.ToJsonString(), Is.EqualTo("""{"m":{"c":3}}"""));
    }

    [Test]
    public void PatchApplier_UnknownContentType_415()
    {
        var (result, error) = PatchApplier.Apply(Obj("{}"), "application/apply-patch+yaml", "a: 1", strategicAllowed: true);

        Assert.That(result, Is.Null);
        Assert.That(error!.Status, Is.EqualTo(415));
    }

    [Test]
    public void CanonicalJson_SortsKeysAndDropsEmptyAnnotations()
    {
        var obj = Obj("""{"spec":{"b":1,"a":2},"metadata":{"name":"x","annotations":{}},"apiVersion":"v1"}""");

        CanonicalJson.DropEmptyMetadataMaps(obj);

        Assert.That(CanonicalJson.Serialize(obj), Is.EqualTo("""{"apiVersion":"v1","metadata":{"name":"x"},"spec":{"a":2,"b":1}}"""));
    }
}
