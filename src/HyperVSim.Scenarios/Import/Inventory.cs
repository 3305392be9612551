namespace HyperVSim.Scenarios.Import;

// The inventory written by tools/Export-HyperVSimInventory.ps1, as read (docs/inventory.schema.json, docs/import.md).
// Every record keeps the JSON node it was read from, so a cross-check can name the value's path, line and column.

/// <summary>A whole inventory, schema version <see cref="InventoryReader.SchemaVersion"/>.</summary>
internal sealed record Inventory(
    InventoryCluster Cluster,
    IReadOnlyList<InventoryNode> Nodes,
    IReadOnlyList<InventoryNetwork> Networks,
    IReadOnlyList<InventoryVolume> Volumes,
    IReadOnlyList<InventoryVm> Vms,
    bool CpuSampled);

/// <summary>Get-Cluster, Get-ClusterQuorum: the cluster's name, witness and heartbeat settings.</summary>
internal sealed record InventoryCluster(string Name, string Witness, bool DynamicQuorum, int SameSubnetDelayMs, int SameSubnetThreshold, int CrossSubnetDelayMs, int CrossSubnetThreshold);

/// <summary>One node: Get-ClusterNode, Win32_Processor/ComputerSystem/OperatingSystem, Get-VMHost, its NICs and switches.</summary>
internal sealed record InventoryNode(
    JNode Node,
    string Name,
    string State,
    string OsVersion,
    int LogicalProcessors,
    string CpuVendor,
    string CpuModel,
    int MaxClockMHz,
    long MemoryBytes,
    InventoryMigration LiveMigration,
    IReadOnlyList<InventoryNic> Nics,
    IReadOnlyList<InventorySwitch> Switches,
    IReadOnlyList<InventoryHostVnic> HostVnics);

/// <summary>Get-VMHost's live-migration settings and Get-VMMigrationNetwork's subnets.</summary>
internal sealed record InventoryMigration(bool Enabled, string PerformanceOption, int MaxSimultaneous, int MaxSimultaneousStorage, bool UseAnyNetwork, IReadOnlyList<string> Subnets);

/// <summary>A physical NIC (Get-NetAdapter -Physical, Get-NetAdapterRdma) and the cluster networks on it (Get-ClusterNetworkInterface).</summary>
internal sealed record InventoryNic(JNode Node, string Name, string InterfaceDescription, long LinkSpeedBps, string Status, bool RdmaEnabled, IReadOnlyList<string> ClusterNetworks);

/// <summary>A virtual switch (Get-VMSwitch) and the physical NIC behind it, by interface description (null for internal and private switches).</summary>
internal sealed record InventorySwitch(JNode Node, string Name, string SwitchType, string? NetAdapterInterfaceDescription);

/// <summary>A management-OS virtual NIC (Get-VMNetworkAdapter -ManagementOS) on a switch, and the cluster networks on it.</summary>
internal sealed record InventoryHostVnic(JNode Node, string Name, string SwitchName, IReadOnlyList<string> ClusterNetworks);

/// <summary>A cluster network (Get-ClusterNetwork): role 0 none, 1 cluster only, 3 cluster and client.</summary>
internal sealed record InventoryNetwork(JNode Node, string Name, int Role, string? Subnet);

/// <summary>A CSV (Get-ClusterSharedVolume), an SMB share (Get-SmbShare or a disk's UNC path) or a node's local volume.</summary>
internal sealed record InventoryVolume(JNode Node, string Name, string Kind, string? OwnerNode, long? SizeBytes, long? FreeBytes);

/// <summary>A VM (Get-VM, Get-ClusterGroup, Get-ClusterOwnerNode) with its NICs and disks.</summary>
internal sealed record InventoryVm(
    JNode Node,
    string Name,
    int Generation,
    string State,
    string OwnerNode,
    bool Clustered,
    int? Priority,
    IReadOnlyList<string> PreferredOwners,
    IReadOnlyList<string> PossibleOwners,
    IReadOnlyList<string> AntiAffinityClasses,
    int ProcessorCount,
    long StartupBytes,
    long AssignedBytes,
    bool DynamicMemory,
    double? CpuLoad,
    IReadOnlyList<InventoryVmNic> Nics,
    IReadOnlyList<InventoryDisk> Disks)
{
    /// <summary>
    /// The memory the scenario gives the VM (docs/import.md): what a running VM with dynamic memory has assigned at
    /// collection time (what a live migration moves), else its startup memory (what it needs to start).
    /// </summary>
    public long ScenarioMemoryBytes => DynamicMemory && State == "Running" && AssignedBytes > 0 ? AssignedBytes : StartupBytes;
}

/// <summary>A VM's network adapter (Get-VMNetworkAdapter): its switch (null when not connected) and the protected-network flag.</summary>
internal sealed record InventoryVmNic(JNode Node, string Name, string? SwitchName, bool Protected);

/// <summary>A VM's virtual disk (Get-VMHardDiskDrive, Get-VHD) and the volume it lives on.</summary>
internal sealed record InventoryDisk(JNode Node, string Controller, string Path, string Format, string Type, long SizeBytes, long FileSizeBytes, string? Volume, bool Shared);
