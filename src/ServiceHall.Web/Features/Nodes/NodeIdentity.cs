namespace ServiceHall.Web.Features.Nodes;

/// <summary>
/// This app node's name among several (P6): <c>Node:Name</c>, or the machine, process and a random
/// suffix, so that two hosts in one process (tests) or two restarts of one process never share a lease.
/// </summary>
public sealed class NodeIdentity(IConfiguration configuration)
{
    public string Name { get; } = configuration["Node:Name"] is { Length: > 0 } name
        ? name
        : $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
