namespace Faithcoin.Packaging.Tests;

/// <summary>
/// Runs docker/build-and-test.sh: needs the docker client, and a running engine or dockerd to start (as root);
/// debootstrap, nsenter and python3 make the base images and reach the container's loopback.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerImageFactAttribute : PackagingScriptFactAttribute
{
    public DockerImageFactAttribute()
        : base("docker/build-and-test.sh", "bash", "docker", "nsenter", "python3", "curl", "dotnet")
    {
        if (Skip is null && !File.Exists("/var/run/docker.sock") && !ToolPath.Exists("dockerd"))
        {
            Skip = "docker/build-and-test.sh needs a Docker engine: no /var/run/docker.sock and no dockerd on PATH";
        }
    }
}
