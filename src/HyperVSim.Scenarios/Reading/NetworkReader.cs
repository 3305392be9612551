using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>networks:</c>.</summary>
internal static class NetworkReader
{
    public static readonly IReadOnlyDictionary<string, NetworkRole> Roles = new Dictionary<string, NetworkRole>(StringComparer.Ordinal)
    {
        ["liveMigration"] = NetworkRole.LiveMigration,
        ["vm"] = NetworkRole.Vm,
        ["management"] = NetworkRole.Management,
        ["cluster"] = NetworkRole.Cluster,
        ["storage"] = NetworkRole.Storage,
    };

    public static Sourced<NetworkSpec>? Read(YNode node, Origin origin, Scalars scalars) =>
        MapReader.Item(node, origin, KeyLevels.Network, scalars, map =>
        {
            string name = map.Name("name", "lm") ?? "";
            string? role = map.Choice("role", Roles.Keys.ToArray(), required: true);
            var spec = new NetworkSpec(name, role is null ? NetworkRole.Vm : Roles[role]);
            return spec with
            {
                Pxe = map.Bool("pxe") ?? spec.Pxe,
                TftpWindow = (int?)map.Integer("tftpWindow", Limits.TftpWindow) ?? spec.TftpWindow,
            };
        });
}
