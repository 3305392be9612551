using System.Text;
using System.Text.Json;

namespace HyperVSim.Cli.Tests.Import;

/// <summary>
/// Builds the realistic 8-node, 300-VM inventory fixture (Fixtures/inventory-8x300.json) deterministically: a 2012 R2
/// cluster with management, cluster, live-migration and iSCSI networks, two RDMA nodes, four CSVs and a Scale-Out File
/// Server share, and a mix of web, application, SQL, domain-controller and file-server VMs. No randomness: every value
/// follows from the VM's index.
/// </summary>
internal static class InventoryFixture
{
    public const int NodeCount = 8;
    public const int VmCount = 300;

    public static string Path => System.IO.Path.Combine(Cli.Root, "tests", "HyperVSim.Cli.Tests", "Import", "Fixtures", "inventory-8x300.json");

    public static string Node(int i) => $"HV-PRD-N{i + 1:00}";

    public static string Generate()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", "hypervsim.inventory");
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("collectedAt", "2026-11-20T08:00:00Z");
            w.WriteStartObject("collector");
            w.WriteString("version", "1.0.0");
            w.WriteString("powerShellVersion", "4.0");
            w.WriteString("node", Node(0));
            w.WriteEndObject();
            w.WriteStartObject("cluster");
            w.WriteString("name", "PRD-HVC01");
            w.WriteString("quorumType", "NodeAndFileShareMajority");
            w.WriteString("witness", "fileShare");
            w.WriteBoolean("dynamicQuorum", true);
            w.WriteStartObject("heartbeat");
            w.WriteNumber("sameSubnetDelayMs", 1000);
            w.WriteNumber("sameSubnetThreshold", 10);
            w.WriteNumber("crossSubnetDelayMs", 1000);
            w.WriteNumber("crossSubnetThreshold", 20);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("nodes");
            for (int n = 0; n < NodeCount; n++)
            {
                WriteNode(w, n);
            }

            w.WriteEndArray();

            w.WriteStartArray("networks");
            Network(w, "Management", 3, "10.10.0.0/24");
            Network(w, "Cluster", 1, "10.10.1.0/24");
            Network(w, "LiveMigration", 1, "10.10.2.0/24");
            Network(w, "iSCSI", 0, "10.10.3.0/24");
            w.WriteEndArray();

            w.WriteStartArray("volumes");
            for (int v = 1; v <= 4; v++)
            {
                Volume(w, $"Cluster Disk {v}", "csv", $"C:\\ClusterStorage\\Volume{v}", null, 4L << 40, (4L << 40) - (v * 700L << 30));
            }

            Volume(w, "\\\\SOFS01\\VMStore", "smb", "\\\\SOFS01\\VMStore", null, 20L << 40, 9L << 40);
            w.WriteEndArray();

            w.WriteStartArray("vms");
            for (int i = 0; i < VmCount; i++)
            {
                WriteVm(w, i);
            }

            w.WriteEndArray();
            w.WriteStartObject("cpuSample");
            w.WriteNumber("seconds", 60);
            w.WriteNumber("samples", 12);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteNode(Utf8JsonWriter w, int n)
    {
        bool rdma = n >= 6;
        w.WriteStartObject();
        w.WriteString("name", Node(n));
        w.WriteString("state", "Up");
        w.WriteString("osVersion", "6.3.9600");
        w.WriteString("osCaption", "Microsoft Windows Server 2012 R2 Datacenter");
        w.WriteStartObject("cpu");
        w.WriteNumber("logicalProcessors", 40);
        w.WriteString("vendor", "GenuineIntel");
        w.WriteString("model", "Intel(R) Xeon(R) CPU E5-2660 v2 @ 2.20GHz");
        w.WriteNumber("maxClockMHz", 2200);
        w.WriteEndObject();
        w.WriteNumber("memoryBytes", 512L << 30);
        w.WriteStartObject("liveMigration");
        w.WriteBoolean("enabled", true);
        w.WriteString("performanceOption", "Compression");
        w.WriteNumber("maxSimultaneous", 4);
        w.WriteNumber("maxSimultaneousStorage", 2);
        w.WriteBoolean("useAnyNetwork", false);
        w.WriteStartArray("networks");
        w.WriteStringValue("10.10.2.0/24");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("nics");
        Nic(w, "NIC1", "Broadcom NetXtreme Gigabit Ethernet", 1_000_000_000, "Up", false, ["Management"]);
        Nic(w, "NIC2", "Broadcom NetXtreme Gigabit Ethernet #2", 0, "Disconnected", false, []);
        Nic(w, "SLOT 2 Port 1", "Intel(R) Ethernet 10G 2P X520 Adapter", 10_000_000_000, "Up", false, ["Cluster"]);
        Nic(w, "SLOT 2 Port 2", "Intel(R) Ethernet 10G 2P X520 Adapter #2", 10_000_000_000, "Up", false, rdma ? [] : ["LiveMigration"]);
        Nic(w, "SLOT 3 Port 1", "Intel(R) Ethernet 10G 2P X520 Adapter #3", 10_000_000_000, "Up", false, []);
        Nic(w, "SLOT 3 Port 2", "Intel(R) Ethernet 10G 2P X520 Adapter #4", 10_000_000_000, "Up", false, ["iSCSI"]);
        if (rdma)
        {
            Nic(w, "SLOT 4 Port 1", "Mellanox ConnectX-3 Ethernet Adapter", 40_000_000_000, "Up", true, ["LiveMigration"]);
        }

        w.WriteEndArray();
        w.WriteStartArray("switches");
        w.WriteStartObject();
        w.WriteString("name", "VMSwitch-Prod");
        w.WriteString("switchType", "External");
        w.WriteString("netAdapterInterfaceDescription", "Intel(R) Ethernet 10G 2P X520 Adapter #3");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("name", "Backup-Internal");
        w.WriteString("switchType", "Internal");
        w.WriteNull("netAdapterInterfaceDescription");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("hostVnics");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Nic(Utf8JsonWriter w, string name, string description, long speed, string status, bool rdma, string[] networks)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("interfaceDescription", description);
        w.WriteNumber("linkSpeedBps", speed);
        w.WriteString("status", status);
        w.WriteBoolean("rdmaEnabled", rdma);
        Strings(w, "clusterNetworks", networks);
        w.WriteEndObject();
    }

    private static void Network(Utf8JsonWriter w, string name, int role, string subnet)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteNumber("role", role);
        w.WriteString("subnet", subnet);
        w.WriteEndObject();
    }

    private static void Volume(Utf8JsonWriter w, string name, string kind, string path, string? node, long size, long free)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("kind", kind);
        w.WriteString("path", path);
        if (node is null)
        {
            w.WriteNull("node");
        }
        else
        {
            w.WriteString("node", node);
        }

        w.WriteNumber("sizeBytes", size);
        w.WriteNumber("freeBytes", free);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string key, IEnumerable<string> values)
    {
        w.WriteStartArray(key);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>Role of VM <paramref name="i"/>: name prefix, startup GiB, vCPUs, dynamic memory, generation, data disk GiB (0 none).</summary>
    private static (string Prefix, int Number, long StartupGiB, int Vcpus, bool Dynamic, int Generation, int DataGiB) Role(int i) => (i % 10) switch
    {
        0 or 1 or 2 or 3 => ("WEB", i / 10 * 4 + i % 10 + 1, 4, 2, true, 2, 0),
        4 or 5 or 6 => ("APP", i / 10 * 3 + i % 10 - 3, 8, 4, true, 2, 50),
        7 => ("SQL", i / 10 + 1, 32, 8, false, 2, 500),
        8 => ("FS", i / 10 + 1, 6, 2, false, 1, 1024),
        _ => ("DC", i / 10 + 1, 4, 2, false, 1, 0),
    };

    public static string VmName(int i)
    {
        var r = Role(i);
        return $"{r.Prefix}-PRD-{r.Number:000}";
    }

    private static void WriteVm(Utf8JsonWriter w, int i)
    {
        var r = Role(i);
        int owner = i % NodeCount;
        string state = i % 37 == 5 ? "Off" : i % 101 == 50 ? "Saved" : "Running";
        long startup = r.StartupGiB << 30;
        long assigned = state is "Running" or "Saved" ? (r.Dynamic ? startup + ((i % 5) * 512L << 20) : startup) : 0;
        w.WriteStartObject();
        w.WriteString("name", VmName(i));
        w.WriteString("id", $"{i:00000000}-1111-4222-8333-{i * 7919:000000000000}");
        w.WriteNumber("generation", r.Generation);
        w.WriteString("configurationVersion", "5.0");
        w.WriteString("state", state);
        w.WriteString("ownerNode", Node(owner));
        w.WriteBoolean("clustered", i % 50 != 49);
        if (i % 50 == 49)
        {
            w.WriteNull("priority");
        }
        else
        {
            w.WriteNumber("priority", r.Prefix is "SQL" or "DC" ? 3000 : r.Prefix == "WEB" ? 2000 : i % 3 == 0 ? 1000 : 2000);
        }

        Strings(w, "preferredOwners", i % 4 == 0 ? [Node(owner), Node((owner + 1) % NodeCount)] : []);
        Strings(w, "possibleOwners", r.Prefix == "SQL" ? Enumerable.Range(0, 4).Select(k => Node((owner + k) % NodeCount)) : []);
        Strings(w, "antiAffinityClasses", r.Prefix is "SQL" or "DC" ? [$"{r.Prefix}-Tier"] : []);
        w.WriteNumber("processorCount", r.Vcpus);
        w.WriteStartObject("memory");
        w.WriteNumber("startupBytes", startup);
        w.WriteNumber("assignedBytes", assigned);
        w.WriteBoolean("dynamic", r.Dynamic);
        w.WriteNumber("minimumBytes", r.Dynamic ? 512L << 20 : startup);
        w.WriteNumber("maximumBytes", r.Dynamic ? startup * 4 : startup);
        w.WriteEndObject();
        if (state == "Running")
        {
            w.WriteNumber("cpuLoad", (5 + (i * 13 % 60)) / 100.0);
        }
        else
        {
            w.WriteNull("cpuLoad");
        }

        w.WriteStartArray("nics");
        VmNic(w, "Network Adapter", "VMSwitch-Prod", true);
        if (r.Prefix is "SQL" or "FS")
        {
            VmNic(w, "Backup", "Backup-Internal", false);
        }

        w.WriteEndArray();
        w.WriteStartArray("disks");
        string csv = $"Cluster Disk {i % 4 + 1}";
        string folder = $"C:\\ClusterStorage\\Volume{i % 4 + 1}\\{VmName(i)}";
        string controller = r.Generation == 2 ? "SCSI" : "IDE";
        Disk(w, 0, controller, $"{folder}\\{VmName(i)}-OS.vhdx", "VHDX", i % 3 == 0 ? "Fixed" : "Dynamic", 127L << 30, i % 3 == 0 ? 127L << 30 : (30L + i % 40) << 30, csv, false);
        if (r.DataGiB > 0)
        {
            bool onSmb = r.Prefix == "SQL";
            string path = onSmb ? $"\\\\SOFS01\\VMStore\\{VmName(i)}\\data.vhdx" : $"{folder}\\data.vhdx";
            Disk(w, r.Generation == 2 ? 1 : 0, "SCSI", path, "VHDX", "Dynamic", (long)r.DataGiB << 30, ((long)r.DataGiB << 30) / 3, onSmb ? "\\\\SOFS01\\VMStore" : csv, false);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void VmNic(Utf8JsonWriter w, string name, string sw, bool isProtected)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("switchName", sw);
        w.WriteBoolean("protected", isProtected);
        w.WriteEndObject();
    }

    private static void Disk(Utf8JsonWriter w, int location, string controller, string path, string format, string type, long size, long fileSize, string volume, bool shared)
    {
        w.WriteStartObject();
        w.WriteString("controller", controller);
        w.WriteNumber("controllerNumber", 0);
        w.WriteNumber("controllerLocation", location);
        w.WriteString("path", path);
        w.WriteString("format", format);
        w.WriteString("type", type);
        w.WriteNumber("sizeBytes", size);
        w.WriteNumber("fileSizeBytes", fileSize);
        w.WriteString("volume", volume);
        w.WriteBoolean("shared", shared);
        w.WriteEndObject();
    }
}
