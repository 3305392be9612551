using HyperVSim.Flow;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Storage;

/// <summary>How a host's bytes to and from an SMB share cross its NICs (docs/model.md §8 Storage, SMB Multichannel and SMB Direct).</summary>
internal static class SmbPath
{
    /// <summary>
    /// SMB Multichannel over the host's NICs on storage networks that are up, one group of the same speed and type (the
    /// group with the most bandwidth, as for SMB live migration): the bytes are split evenly over them, the read fraction
    /// on their receive side and the rest (writes) on their transmit side; on RDMA NICs (SMB Direct) at the RDMA
    /// efficiency. A host without a NIC on a storage network that is up adds nothing.
    /// </summary>
    public static void Add(Cluster cluster, List<FlowUsage> path, Host host, double readFraction)
    {
        var storageNetworks = cluster.Spec.Networks.Where(n => n.Role == NetworkRole.Storage).Select(n => n.Name).ToArray();
        var group = host.Nics.Where(n => n.IsUp && storageNetworks.Any(n.IsOn))
            .GroupBy(n => (n.Spec.BitsPerSecond, n.Spec.Rdma))
            .OrderByDescending(g => g.Count() * g.Key.BitsPerSecond)
            .ThenByDescending(g => g.Key.Rdma)
            .FirstOrDefault()?.ToArray();
        if (group is null)
        {
            return;
        }

        double rdmaEfficiency = cluster.Spec.Cluster.LiveMigration.RdmaEfficiency;
        foreach (Nic n in group)
        {
            double perByte = (n.Spec.Rdma ? n.Spec.Efficiency / rdmaEfficiency : 1) / group.Length;
            if (readFraction > 0)
            {
                path.Add(new FlowUsage(n.Receive, perByte * readFraction));
            }

            if (readFraction < 1)
            {
                path.Add(new FlowUsage(n.Transmit, perByte * (1 - readFraction)));
            }
        }
    }
}
