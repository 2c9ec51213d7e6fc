using System.Globalization;
using System.Text.Json;

namespace Faithcoin.Packaging.Tests;

/// <summary>
/// The rendered Kubernetes manifests: every kustomization renders and validates against the Kubernetes schemas
/// (k8s/validate.sh), and the settings the deployment relies on are what they must be: the article's probes,
/// ports and limits, the security settings, the RPC credential path, the ingress forwarding and the StatefulSet
/// variant's peering.
/// </summary>
public sealed class KubernetesManifestTests(RenderedManifests manifests) : IClassFixture<RenderedManifests>
{
    private const string Base = "base";
    private const string StatefulSet = "overlays-statefulset";

    private ValidationRun Run => manifests.Run;

    [KubernetesFact]
    public void EveryKustomizationRendersAndEveryObjectValidates()
    {
        Assert.True(Run.ExitCode == 0, $"k8s/validate.sh exited {Run.ExitCode}:\n{Run.Output}");
        Assert.Contains("0 invalid", Run.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "app", "ingress-nginx", "coredns", Base, StatefulSet })
        {
            Assert.NotEmpty(Run.Objects(name));
        }
    }

    [KubernetesFact]
    public void DeploymentHasTheArticlesReplicasAndTcpProbesOnThePeerPort()
    {
        var deployment = Run.Single(Base, "Deployment", "faithcoind");
        Assert.Equal("faithcoin", deployment.GetProperty("metadata").GetProperty("namespace").GetString());
        Assert.Equal(3, deployment.GetProperty("spec").GetProperty("replicas").GetInt32());
        AssertArticleProbes(Container(deployment));
    }

    [KubernetesFact]
    public void StatefulSetKeepsTheSameProbes() => AssertArticleProbes(Container(Run.Single(StatefulSet, "StatefulSet", "faithcoind")));

    [KubernetesFact]
    public void ResourcesStayInsideTheLimitRange()
    {
        var limits = Run.Single(Base, "LimitRange", "faithcoin-limits").GetProperty("spec").GetProperty("limits")[0];
        Assert.Equal("Container", limits.GetProperty("type").GetString());
        Assert.Equal(1.0, Cpu(limits.GetProperty("default").GetProperty("cpu")));
        Assert.Equal(512L << 20, Memory(limits.GetProperty("default").GetProperty("memory")));
        Assert.Equal(0.5, Cpu(limits.GetProperty("defaultRequest").GetProperty("cpu")));
        Assert.Equal(256L << 20, Memory(limits.GetProperty("defaultRequest").GetProperty("memory")));

        foreach (var workload in Workloads())
        {
            var resources = Container(workload).GetProperty("resources");
            var requests = resources.GetProperty("requests");
            var maxima = resources.GetProperty("limits");
            Assert.True(Cpu(maxima.GetProperty("cpu")) <= Cpu(limits.GetProperty("default").GetProperty("cpu")));
            Assert.True(Memory(maxima.GetProperty("memory")) <= Memory(limits.GetProperty("default").GetProperty("memory")));
            Assert.True(Cpu(requests.GetProperty("cpu")) <= Cpu(maxima.GetProperty("cpu")));
            Assert.True(Memory(requests.GetProperty("memory")) <= Memory(maxima.GetProperty("memory")));
            Assert.True(Memory(requests.GetProperty("memory")) >= 256L << 20);
        }
    }

    [KubernetesFact]
    public void PodsRunAsTheImagesNonRootUserWithTheRestrictedSettings()
    {
        foreach (var workload in Workloads())
        {
            var pod = PodSpec(workload);
            var podSecurity = pod.GetProperty("securityContext");
            Assert.True(podSecurity.GetProperty("runAsNonRoot").GetBoolean());
            Assert.Equal(1654, podSecurity.GetProperty("runAsUser").GetInt32());
            Assert.Equal(1654, podSecurity.GetProperty("fsGroup").GetInt32());
            Assert.Equal("RuntimeDefault", podSecurity.GetProperty("seccompProfile").GetProperty("type").GetString());
            Assert.False(pod.GetProperty("automountServiceAccountToken").GetBoolean());
            Assert.True(pod.GetProperty("terminationGracePeriodSeconds").GetInt32() >= 60);

            var security = Container(workload).GetProperty("securityContext");
            Assert.True(security.GetProperty("readOnlyRootFilesystem").GetBoolean());
            Assert.False(security.GetProperty("allowPrivilegeEscalation").GetBoolean());
            Assert.True(security.GetProperty("runAsNonRoot").GetBoolean());
            Assert.Equal(["ALL"], security.GetProperty("capabilities").GetProperty("drop").EnumerateArray().Select(e => e.GetString()));
            Assert.False(security.GetProperty("capabilities").TryGetProperty("add", out _));
            Assert.Equal("RuntimeDefault", security.GetProperty("seccompProfile").GetProperty("type").GetString());

            var mounts = Container(workload).GetProperty("volumeMounts").EnumerateArray()
                .ToDictionary(m => m.GetProperty("mountPath").GetString()!, m => m.GetProperty("name").GetString()!);
            Assert.Contains("/data", mounts.Keys);
            Assert.Contains("/etc/faithcoin", mounts.Keys);
        }

        var ns = Run.Single(Base, "Namespace", "faithcoin");
        Assert.Equal("restricted", ns.GetProperty("metadata").GetProperty("labels").GetProperty("pod-security.kubernetes.io/enforce").GetString());
    }

    [KubernetesFact]
    public void RpcCredentialComesFromTheSecretAsRpcauthAndNeverFromTheConfiguration()
    {
        foreach (var (kustomization, workload) in WorkloadsByKustomization())
        {
            var container = Container(workload);
            Assert.Contains("-rpcauth=$(FAITHCOIN_RPCAUTH)", container.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
            var env = container.GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "FAITHCOIN_RPCAUTH");
            var secret = env.GetProperty("valueFrom").GetProperty("secretKeyRef");
            Assert.Equal("faithcoind-rpc", secret.GetProperty("name").GetString());
            Assert.Equal("rpcauth", secret.GetProperty("key").GetString());

            var conf = MountedConfiguration(kustomization, workload);
            Assert.DoesNotContain("rpcpassword=", conf, StringComparison.Ordinal);
            Assert.Contains("rpcport=9332", conf, StringComparison.Ordinal);
        }
    }

    [KubernetesFact]
    public void ClusterIpServiceAndIngressForward9667ToThePeerPort()
    {
        var service = Run.Single(Base, "Service", "faithcoind");
        Assert.Equal("ClusterIP", service.GetProperty("spec").GetProperty("type").GetString());
        var port = service.GetProperty("spec").GetProperty("ports").EnumerateArray().Single();
        Assert.Equal(9666, port.GetProperty("port").GetInt32());
        Assert.Equal("p2p", port.GetProperty("targetPort").GetString());

        var tcpServices = Run.Single(Base, "ConfigMap", "tcp-services");
        Assert.Equal("ingress-nginx", tcpServices.GetProperty("metadata").GetProperty("namespace").GetString());
        Assert.Equal("faithcoin/faithcoind:9666", tcpServices.GetProperty("data").GetProperty("9667").GetString());

        var controller = Run.Single(Base, "Deployment", "ingress-nginx-controller");
        var args = Container(controller).GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToArray();
        Assert.Contains("--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services", args);
        Assert.Contains(Container(controller).GetProperty("ports").EnumerateArray(), p => p.GetProperty("containerPort").GetInt32() == 9667);
        var entry = Run.Single(Base, "Service", "ingress-nginx-controller").GetProperty("spec");
        Assert.Contains(entry.GetProperty("ports").EnumerateArray(), p => p.GetProperty("port").GetInt32() == 9667);
        Assert.NotNull(Run.Find(Base, "IngressClass", "nginx"));
        Assert.NotNull(Run.Find(Base, "ClusterRole", "ingress-nginx"));
    }

    [KubernetesFact]
    public void ClusterResolverForwardsToUpstreamDns()
    {
        var coredns = Run.Single(Base, "ConfigMap", "coredns");
        Assert.Equal("kube-system", coredns.GetProperty("metadata").GetProperty("namespace").GetString());
        var corefile = coredns.GetProperty("data").GetProperty("Corefile").GetString()!;
        Assert.Contains("forward . ", corefile, StringComparison.Ordinal);
        Assert.Contains("kubernetes cluster.local", corefile, StringComparison.Ordinal);
    }

    [KubernetesFact]
    public void DisruptionBudgetAndNetworkPolicy()
    {
        var pdb = Run.Single(Base, "PodDisruptionBudget", "faithcoind").GetProperty("spec");
        Assert.Equal(2, pdb.GetProperty("minAvailable").GetInt32());
        Assert.Equal("faithcoind", pdb.GetProperty("selector").GetProperty("matchLabels").GetProperty("app.kubernetes.io/name").GetString());

        var rules = Run.Single(Base, "NetworkPolicy", "faithcoind").GetProperty("spec").GetProperty("ingress").EnumerateArray().ToArray();
        var p2p = rules.Single(r => Ports(r).Contains(9666));
        Assert.False(p2p.TryGetProperty("from", out _), "P2P must be open to every source");
        var rpc = rules.Single(r => Ports(r).Contains(9332));
        var from = rpc.GetProperty("from").EnumerateArray().Single();
        Assert.Empty(from.GetProperty("podSelector").EnumerateObject());
        Assert.False(from.TryGetProperty("namespaceSelector", out _), "RPC only from this namespace");
        Assert.False(from.TryGetProperty("ipBlock", out _), "RPC only from this namespace");
    }

    [KubernetesFact]
    public void StatefulSetOverlayKeepsEachChainAndPeersOnStableNames()
    {
        Assert.Null(Run.Find(StatefulSet, "Deployment", "faithcoind"));
        var statefulSet = Run.Single(StatefulSet, "StatefulSet", "faithcoind");
        var spec = statefulSet.GetProperty("spec");
        Assert.Equal("faithcoind-headless", spec.GetProperty("serviceName").GetString());
        Assert.Equal(3, spec.GetProperty("replicas").GetInt32());
        var claim = spec.GetProperty("volumeClaimTemplates").EnumerateArray().Single();
        Assert.Equal("data", claim.GetProperty("metadata").GetProperty("name").GetString());
        Assert.DoesNotContain(PodSpec(statefulSet).GetProperty("volumes").EnumerateArray(), v => v.GetProperty("name").GetString() == "data");

        var headless = Run.Single(StatefulSet, "Service", "faithcoind-headless").GetProperty("spec");
        Assert.Equal("None", headless.GetProperty("clusterIP").GetString());
        Assert.True(headless.GetProperty("publishNotReadyAddresses").GetBoolean());

        var conf = MountedConfiguration(StatefulSet, statefulSet);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"addnode=faithcoind-{i}.faithcoind-headless.faithcoin.svc.cluster.local:9666", conf, StringComparison.Ordinal);
        }

        Assert.Matches(@"(?m)^proxyprotocol=\d+\.\d+\.\d+\.\d+/\d+$", conf);
        var tcpServices = Run.Single(StatefulSet, "ConfigMap", "tcp-services");
        Assert.Equal("faithcoin/faithcoind:9666::PROXY", tcpServices.GetProperty("data").GetProperty("9667").GetString());
    }

    private static void AssertArticleProbes(JsonElement container)
    {
        var ports = container.GetProperty("ports").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("containerPort").GetInt32());
        Assert.Equal(9666, ports["p2p"]);
        Assert.Equal(9332, ports["rpc"]);

        var readiness = container.GetProperty("readinessProbe");
        Assert.Equal(9666, ports[readiness.GetProperty("tcpSocket").GetProperty("port").GetString()!]);
        Assert.Equal(5, readiness.GetProperty("initialDelaySeconds").GetInt32());
        Assert.Equal(10, readiness.GetProperty("periodSeconds").GetInt32());

        var liveness = container.GetProperty("livenessProbe");
        Assert.Equal(9666, ports[liveness.GetProperty("tcpSocket").GetProperty("port").GetString()!]);
        Assert.Equal(15, liveness.GetProperty("initialDelaySeconds").GetInt32());
        Assert.Equal(20, liveness.GetProperty("periodSeconds").GetInt32());

        var startup = container.GetProperty("startupProbe");
        Assert.Equal(9666, ports[startup.GetProperty("tcpSocket").GetProperty("port").GetString()!]);
        Assert.True(startup.GetProperty("periodSeconds").GetInt32() * startup.GetProperty("failureThreshold").GetInt32() >= 300,
            "a node loading a long chain gets at least 5 minutes before liveness counts");
    }

    private string MountedConfiguration(string kustomization, JsonElement workload)
    {
        var volume = PodSpec(workload).GetProperty("volumes").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "conf");
        var name = volume.GetProperty("configMap").GetProperty("name").GetString()!;
        Assert.StartsWith("faithcoind-conf", name, StringComparison.Ordinal);
        return Run.Single(kustomization, "ConfigMap", name).GetProperty("data").GetProperty("faithcoin.conf").GetString()!;
    }

    private IEnumerable<JsonElement> Workloads() => WorkloadsByKustomization().Select(w => w.Workload);

    private IEnumerable<(string Kustomization, JsonElement Workload)> WorkloadsByKustomization()
    {
        yield return (Base, Run.Single(Base, "Deployment", "faithcoind"));
        yield return (StatefulSet, Run.Single(StatefulSet, "StatefulSet", "faithcoind"));
    }

    private static JsonElement PodSpec(JsonElement workload) => workload.GetProperty("spec").GetProperty("template").GetProperty("spec");

    private static JsonElement Container(JsonElement workload) => PodSpec(workload).GetProperty("containers")[0];

    private static int[] Ports(JsonElement rule) =>
        rule.TryGetProperty("ports", out var ports) ? ports.EnumerateArray().Select(p => p.GetProperty("port").GetInt32()).ToArray() : [];

    private static double Cpu(JsonElement quantity)
    {
        var text = quantity.ValueKind == JsonValueKind.Number ? quantity.GetRawText() : quantity.GetString()!;
        return text.EndsWith('m')
            ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 1000
            : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static long Memory(JsonElement quantity)
    {
        var text = quantity.GetString()!;
        (string Suffix, long Factor)[] units = [("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30)];
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return long.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
