using HyperVSim.Flow;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>A host's physical NIC: a transmit and a receive resource of (line rate ÷ 8 × efficiency) bytes/s each.</summary>
public sealed class Nic
{
    internal Nic(Host host, NicSpec spec, FlowNetwork flows)
    {
        Host = host;
        Spec = spec;
        PayloadBytesPerSecond = spec.BitsPerSecond / 8.0 * spec.Efficiency;

        // Named when first asked (most NICs of a cluster carry nothing in a run, and no message names them).
        Transmit = flows.AddResource(this, static n => $"{((Nic)n).FullName}:tx", PayloadBytesPerSecond);
        Receive = flows.AddResource(this, static n => $"{((Nic)n).FullName}:rx", PayloadBytesPerSecond);
    }

    private string? _fullName;

    public Host Host { get; }

    public NicSpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>host/nic, as scenarios and reports name it.</summary>
    public string FullName => _fullName ??= $"{Host.Name}/{Spec.Name}";

    /// <summary>Bytes per second of payload a bulk TCP transfer achieves in one direction.</summary>
    public double PayloadBytesPerSecond { get; }

    public Resource Transmit { get; }

    public Resource Receive { get; }

    /// <summary>False while the link is down; failures are counted so that overlapping faults nest.</summary>
    public bool IsUp => _failures == 0;

    private int _failures;

    /// <summary>Counts one more failure; true when the link went down with it.</summary>
    internal bool AddFailure() => ++_failures == 1;

    /// <summary>Ends one failure; true when the link is up again.</summary>
    internal bool RemoveFailure() => _failures > 0 && --_failures == 0;

    public bool IsOn(string network)
    {
        // A loop, not LINQ's Contains: transports ask it for every NIC of both hosts at each migration.
        IReadOnlyList<string> networks = Spec.Networks;
        for (int i = 0; i < networks.Count; i++)
        {
            if (string.Equals(networks[i], network, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the link is up and on <paramref name="network"/>: it can carry that network's traffic now.</summary>
    public bool IsUpOn(string network) => IsUp && IsOn(network);

    public override string ToString() => FullName;
}
