<#
.SYNOPSIS
    Collects a Hyper-V failover cluster's inventory for 'hypervsim import' (docs/import.md). Read-only.

.DESCRIPTION
    Run on one node of a Windows Server 2012 or 2012 R2 Hyper-V failover cluster, as a user who may read the
    cluster and every node (a cluster administrator). It only reads: it calls Get-* cmdlets of the
    FailoverClusters, Hyper-V, NetAdapter, SmbShare and CIM modules, Get-Counter and Get-WinEvent, and changes
    nothing on the cluster. It writes one JSON file (docs/inventory.schema.json, schema version 1) built from
    plain values, never the cmdlets' objects, so Windows PowerShell 4.0 and PowerShell 7 write the same file.

    Optionally it samples each VM's CPU load from the Hyper-V performance counters over a window you choose
    (-CpuSampleSeconds), and exports the live-migration events of the last N days (-EventDays) for
    'hypervsim import-events' (docs/migration-events.schema.json).

.PARAMETER Path
    The inventory file to write (JSON). Written to a temporary file beside it and moved into place.

.PARAMETER CpuSampleSeconds
    Sample '\Hyper-V Hypervisor Virtual Processor(*)\% Guest Run Time' for this many seconds (0: do not sample).

.PARAMETER EventDays
    Also export the live-migration events of the last this many days to -EventsPath (0: do not export).

.PARAMETER EventsPath
    The event file to write with -EventDays (default: beside -Path, named *-events.json).

.EXAMPLE
    .\Export-HyperVSimInventory.ps1 -Path C:\temp\inventory.json -CpuSampleSeconds 300 -EventDays 30
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$Path,
    [ValidateRange(0, 86400)][int]$CpuSampleSeconds = 0,
    [ValidateRange(0, 3650)][int]$EventDays = 0,
    [string]$EventsPath = ''
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$CollectorVersion = '1.0.0'
$Invariant = [System.Globalization.CultureInfo]::InvariantCulture

# ---- helpers ---------------------------------------------------------------------------------------------------

# A property of a cmdlet's object, or $Default when this version of the module does not have it.
function Get-HvsProp {
    param($Object, [string]$Name, $Default = $null)
    if ($null -eq $Object) { return $Default }
    $p = $Object.PSObject.Properties[$Name]
    if ($null -eq $p -or $null -eq $p.Value) { return $Default }
    return $p.Value
}

# The short (NetBIOS) form of a computer name: 'hv01.corp.example' is 'hv01'.
function Get-HvsShortName {
    param([string]$Name)
    return @($Name -split '\.')[0]
}

# 'a.b.c.d' and mask 'w.x.y.z' as 'a.b.c.d/n'; $null when either is missing.
function Get-HvsSubnet {
    param($Address, $Mask)
    if ([string]::IsNullOrEmpty([string]$Address) -or [string]::IsNullOrEmpty([string]$Mask)) { return $null }
    $bits = 0
    foreach ($octet in ([string]$Mask -split '\.')) {
        $n = [int]$octet
        while ($n -gt 0) { $bits += ($n -band 1); $n = $n -shr 1 }
    }
    return ([string]$Address) + '/' + $bits
}

# A JSON string literal.
function ConvertTo-HvsJsonString {
    param([string]$Text)
    $b = New-Object System.Text.StringBuilder
    [void]$b.Append('"')
    foreach ($c in $Text.ToCharArray()) {
        $code = [int]$c
        if ($c -eq '"') { [void]$b.Append('\"') }
        elseif ($c -eq '\') { [void]$b.Append('\\') }
        elseif ($code -lt 32) { [void]$b.Append('\u' + $code.ToString('x4')) }
        else { [void]$b.Append($c) }
    }
    [void]$b.Append('"')
    return $b.ToString()
}

# JSON text of plain values: ordered dictionaries, arrays, strings, numbers, booleans and $null. Written here
# rather than with ConvertTo-Json, whose depth limit and enum and array handling differ between versions.
function ConvertTo-HvsJson {
    param($Value, [int]$Depth = 0)
    $pad = '  ' * ($Depth + 1)
    $end = '  ' * $Depth
    if ($null -eq $Value) { return 'null' }
    if ($Value -is [bool]) { if ($Value) { return 'true' } else { return 'false' } }
    if ($Value -is [string]) { return (ConvertTo-HvsJsonString $Value) }
    if ($Value -is [double] -or $Value -is [single] -or $Value -is [decimal]) {
        if ($Value -is [decimal]) { return $Value.ToString($Invariant) }
        return ([double]$Value).ToString('R', $Invariant)
    }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [int16] -or $Value -is [uint16] -or $Value -is [byte]) {
        return $Value.ToString($Invariant)
    }
    # Lists, not arrays: += on an array copies it, which is quadratic over thousands of events.
    $parts = New-Object System.Collections.Generic.List[string]
    if ($Value -is [System.Collections.IDictionary]) {
        foreach ($key in $Value.Keys) {
            $parts.Add($pad + (ConvertTo-HvsJsonString ([string]$key)) + ': ' + (ConvertTo-HvsJson $Value[$key] ($Depth + 1)))
        }
        if ($parts.Count -eq 0) { return '{}' }
        return "{`n" + ($parts -join ",`n") + "`n" + $end + '}'
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        foreach ($item in $Value) { $parts.Add($pad + (ConvertTo-HvsJson $item ($Depth + 1))) }
        if ($parts.Count -eq 0) { return '[]' }
        return "[`n" + ($parts -join ",`n") + "`n" + $end + ']'
    }
    return (ConvertTo-HvsJsonString ([string]$Value))
}

# Writes $Text to $Target through a temporary file beside it, moved into place only when complete.
function Write-HvsFile {
    param([string]$Target, [string]$Text)
    $full = [System.IO.Path]::GetFullPath($Target)
    $temp = $full + '.' + [guid]::NewGuid().ToString('N') + '.tmp'
    $encoding = New-Object System.Text.UTF8Encoding $false
    try {
        [System.IO.File]::WriteAllText($temp, $Text + "`n", $encoding)
        if ([System.IO.File]::Exists($full)) { [System.IO.File]::Replace($temp, $full, [System.Management.Automation.Language.NullString]::Value) }
        else { [System.IO.File]::Move($temp, $full) }
    }
    finally {
        if ([System.IO.File]::Exists($temp)) { [System.IO.File]::Delete($temp) }
    }
}

# Get-VM's state and memory as the scenario counts it: assigned memory of a running VM with dynamic memory, else startup.
function Get-HvsVmMemory {
    param($Vm)
    $startup = [long](Get-HvsProp $Vm 'MemoryStartup' 0)
    $assigned = [long](Get-HvsProp $Vm 'MemoryAssigned' 0)
    if ((Get-HvsProp $Vm 'DynamicMemoryEnabled' $false) -and [string](Get-HvsProp $Vm 'State' '') -eq 'Running' -and $assigned -gt 0) { return $assigned }
    return $startup
}

# ---- output paths ------------------------------------------------------------------------------------------------

$outFull = [System.IO.Path]::GetFullPath($Path)
if ($EventDays -gt 0 -and $EventsPath -eq '') {
    $EventsPath = [System.IO.Path]::Combine([System.IO.Path]::GetDirectoryName($outFull), [System.IO.Path]::GetFileNameWithoutExtension($outFull) + '-events.json')
}
if ($EventDays -gt 0 -and [System.IO.Path]::GetFullPath($EventsPath) -eq $outFull) {
    throw "-EventsPath and -Path are the same file ($outFull): give the events their own file."
}

# ---- cluster -----------------------------------------------------------------------------------------------------

Write-Verbose 'Reading the cluster'
$clusterObject = Get-Cluster
$quorum = Get-ClusterQuorum
$quorumType = [string](Get-HvsProp $quorum 'QuorumType' '')
$quorumResource = Get-HvsProp $quorum 'QuorumResource'
$witness = 'none'
$resourceType = [string](Get-HvsProp $quorumResource 'ResourceType' '')
if ($resourceType -eq 'File Share Witness' -or $quorumType -eq 'NodeAndFileShareMajority') { $witness = 'fileShare' }
elseif ($resourceType -eq 'Physical Disk' -or $quorumType -eq 'NodeAndDiskMajority' -or $quorumType -eq 'DiskOnly') { $witness = 'disk' }

$cluster = [ordered]@{
    name          = [string]$clusterObject.Name
    quorumType    = $quorumType
    witness       = $witness
    dynamicQuorum = ([int](Get-HvsProp $clusterObject 'DynamicQuorum' 1) -eq 1)
    heartbeat     = [ordered]@{
        sameSubnetDelayMs    = [int](Get-HvsProp $clusterObject 'SameSubnetDelay' 1000)
        sameSubnetThreshold  = [int](Get-HvsProp $clusterObject 'SameSubnetThreshold' 10)
        crossSubnetDelayMs   = [int](Get-HvsProp $clusterObject 'CrossSubnetDelay' 1000)
        crossSubnetThreshold = [int](Get-HvsProp $clusterObject 'CrossSubnetThreshold' 20)
    }
}

$networks = @()
foreach ($n in @(Get-ClusterNetwork)) {
    $networks += [ordered]@{
        name   = [string]$n.Name
        role   = [int]$n.Role
        subnet = (Get-HvsSubnet (Get-HvsProp $n 'Address') (Get-HvsProp $n 'AddressMask'))
    }
}

# Which cluster networks each node's adapters carry: 'NODE|ADAPTER' -> network names.
$interfaces = @{}
foreach ($i in @(Get-ClusterNetworkInterface)) {
    $key = (Get-HvsShortName ([string]$i.Node)).ToUpperInvariant() + '|' + ([string]$i.Adapter).ToUpperInvariant()
    if (-not $interfaces.ContainsKey($key)) { $interfaces[$key] = @() }
    $interfaces[$key] += [string]$i.Network
}

function Get-HvsClusterNetworks {
    param([string]$Node, [string]$Adapter)
    $key = $Node.ToUpperInvariant() + '|' + $Adapter.ToUpperInvariant()
    if ($interfaces.ContainsKey($key)) { return , @($interfaces[$key]) }
    return , @()
}

# ---- storage: CSVs and the SMB shares the nodes serve ------------------------------------------------------------

$volumes = @()
$csvByPath = @()
foreach ($csv in @(Get-ClusterSharedVolume)) {
    foreach ($info in @(Get-HvsProp $csv 'SharedVolumeInfo' @())) {
        $partition = Get-HvsProp $info 'Partition'
        $path = [string](Get-HvsProp $info 'FriendlyVolumeName' '')
        $volumes += [ordered]@{
            name      = [string]$csv.Name
            kind      = 'csv'
            path      = $path
            node      = $null
            sizeBytes = [long](Get-HvsProp $partition 'Size' 0)
            freeBytes = [long](Get-HvsProp $partition 'FreeSpace' 0)
        }
        $csvByPath += , @($path, [string]$csv.Name)
    }
}

$nodeObjects = @(Get-ClusterNode)

# Size and free space of the share \\Server\Share: the file server's volume holding the share's folder (the longest
# Win32_Volume mount point that starts its path). $null for both when the file server cannot be read from here.
function Get-HvsShareSpace {
    param([string]$Server, [string]$Share)
    $size = $null; $free = $null
    $smb = @(Get-SmbShare -CimSession $Server -Name $Share -ErrorAction SilentlyContinue)
    if ($smb.Count -gt 0) {
        $folder = [string](Get-HvsProp $smb[0] 'Path' '')
        $best = ''
        foreach ($v in @(Get-CimInstance -ClassName Win32_Volume -ComputerName $Server -ErrorAction SilentlyContinue)) {
            $mount = [string](Get-HvsProp $v 'Name' '')
            if ($mount -ne '' -and $folder.StartsWith($mount, [System.StringComparison]::OrdinalIgnoreCase) -and $mount.Length -gt $best.Length) {
                $best = $mount; $size = [long](Get-HvsProp $v 'Capacity' 0); $free = [long](Get-HvsProp $v 'FreeSpace' 0)
            }
        }
    }
    return , @($size, $free)
}

# The volume a disk path lives on: a CSV, an SMB share (\\server\share) or a node's local drive, added on first use.
$localVolumes = @{}
function Resolve-HvsVolume {
    param([string]$DiskPath, [string]$Node)
    foreach ($pair in $csvByPath) {
        if ($DiskPath.StartsWith($pair[0] + '\', [System.StringComparison]::OrdinalIgnoreCase)) { return $pair[1] }
    }
    if ($DiskPath.StartsWith('\\')) {
        $parts = @($DiskPath.Substring(2) -split '\\')
        if ($parts.Count -lt 2) { return $null }
        $name = '\\' + $parts[0] + '\' + $parts[1]
        if (-not ($script:volumes | Where-Object { $_.name -eq $name })) {
            $space = Get-HvsShareSpace $parts[0] $parts[1]
            $script:volumes += [ordered]@{ name = $name; kind = 'smb'; path = $name; node = $null; sizeBytes = $space[0]; freeBytes = $space[1] }
        }
        return $name
    }
    if ($DiskPath -match '^([A-Za-z]):') {
        $drive = $Matches[1].ToUpperInvariant() + ':'
        $name = $Node + '-' + $Matches[1].ToUpperInvariant()
        if (-not $localVolumes.ContainsKey($name)) {
            $disk = @(Get-CimInstance -ClassName Win32_LogicalDisk -ComputerName $Node -Filter ("DeviceID='" + $drive + "'"))
            $size = $null; $free = $null
            if ($disk.Count -gt 0) { $size = [long](Get-HvsProp $disk[0] 'Size' 0); $free = [long](Get-HvsProp $disk[0] 'FreeSpace' 0) }
            $script:volumes += [ordered]@{ name = $name; kind = 'local'; path = $drive + '\'; node = $Node; sizeBytes = $size; freeBytes = $free }
            $localVolumes[$name] = $true
        }
        return $name
    }
    return $null
}

# ---- clustered roles: priority, owners, anti-affinity ------------------------------------------------------------

$groups = @{}
foreach ($g in @(Get-ClusterGroup)) {
    if ([string](Get-HvsProp $g 'GroupType' '') -ne 'VirtualMachine') { continue }
    $preferred = @()
    foreach ($o in @(Get-HvsProp (Get-ClusterOwnerNode -Group ([string]$g.Name)) 'OwnerNodes' @())) { $preferred += Get-HvsShortName ([string]$o) }
    $possible = @()
    foreach ($o in @(Get-HvsProp (Get-ClusterOwnerNode -Resource ('Virtual Machine ' + [string]$g.Name) -ErrorAction SilentlyContinue) 'OwnerNodes' @())) { $possible += Get-HvsShortName ([string]$o) }
    $classes = @()
    foreach ($c in @(Get-HvsProp $g 'AntiAffinityClassNames' @())) { if ([string]$c -ne '') { $classes += [string]$c } }
    $groups[([string]$g.Name).ToUpperInvariant()] = [ordered]@{ priority = [int](Get-HvsProp $g 'Priority' 2000); preferred = $preferred; possible = $possible; classes = $classes }
}

# ---- nodes and their VMs -----------------------------------------------------------------------------------------

$nodes = @()
$vms = @()
$eventHosts = @()
$eventVms = @()
foreach ($nodeObject in $nodeObjects) {
    $name = Get-HvsShortName ([string]$nodeObject.Name)
    Write-Verbose "Reading node $name"
    $processors = @(Get-CimInstance -ClassName Win32_Processor -ComputerName $name)
    $logical = 0
    foreach ($p in $processors) { $logical += [int](Get-HvsProp $p 'NumberOfLogicalProcessors' 0) }
    $system = @(Get-CimInstance -ClassName Win32_ComputerSystem -ComputerName $name)[0]
    $os = @(Get-CimInstance -ClassName Win32_OperatingSystem -ComputerName $name)[0]
    $vmHost = Get-VMHost -ComputerName $name
    $migrationSubnets = @()
    foreach ($m in @(Get-VMMigrationNetwork -ComputerName $name -ErrorAction SilentlyContinue)) { $migrationSubnets += [string]$m.Subnet }

    $rdma = @{}
    foreach ($r in @(Get-NetAdapterRdma -CimSession $name -ErrorAction SilentlyContinue)) { $rdma[([string]$r.Name).ToUpperInvariant()] = [bool](Get-HvsProp $r 'Enabled' $false) }
    $nics = @()
    $lmSpeed = [long]0
    $anySpeed = [long]0
    foreach ($a in @(Get-NetAdapter -CimSession $name -Physical)) {
        $speed = [long](Get-HvsProp $a 'Speed' (Get-HvsProp $a 'ReceiveLinkSpeed' 0))
        $status = [string](Get-HvsProp $a 'Status' 'Unknown')
        if ($status -ne 'Up') { $speed = [long]0 }
        $onNetworks = Get-HvsClusterNetworks $name ([string]$a.Name)
        $nics += [ordered]@{
            name                 = [string]$a.Name
            interfaceDescription = [string](Get-HvsProp $a 'InterfaceDescription' '')
            linkSpeedBps         = $speed
            status               = $status
            rdmaEnabled          = ($rdma.ContainsKey(([string]$a.Name).ToUpperInvariant()) -and $rdma[([string]$a.Name).ToUpperInvariant()])
            clusterNetworks      = $onNetworks
        }
        if ($speed -gt $anySpeed) { $anySpeed = $speed }
        foreach ($net in $networks) {
            if ($onNetworks -contains $net.name -and $migrationSubnets -contains $net.subnet -and $speed -gt $lmSpeed) { $lmSpeed = $speed }
        }
    }

    $switches = @()
    foreach ($s in @(Get-VMSwitch -ComputerName $name)) {
        $switches += [ordered]@{
            name                           = [string]$s.Name
            switchType                     = [string](Get-HvsProp $s 'SwitchType' 'Private')
            netAdapterInterfaceDescription = Get-HvsProp $s 'NetAdapterInterfaceDescription'
        }
    }
    $hostVnics = @()
    foreach ($v in @(Get-VMNetworkAdapter -ManagementOS -ComputerName $name -ErrorAction SilentlyContinue)) {
        $hostVnics += [ordered]@{
            name            = [string]$v.Name
            switchName      = [string](Get-HvsProp $v 'SwitchName' '')
            clusterNetworks = (Get-HvsClusterNetworks $name ('vEthernet (' + [string]$v.Name + ')'))
        }
    }

    # A live-migration network on a management-OS vNIC rides on its switch's physical NIC (converged networking).
    foreach ($v in $hostVnics) {
        foreach ($net in $networks) {
            if ($v.clusterNetworks -contains $net.name -and $migrationSubnets -contains $net.subnet) {
                foreach ($s in $switches) {
                    if ($s.name -ne $v.switchName) { continue }
                    foreach ($nic in $nics) {
                        if ($nic.interfaceDescription -eq $s.netAdapterInterfaceDescription -and $nic.linkSpeedBps -gt $lmSpeed) { $lmSpeed = $nic.linkSpeedBps }
                    }
                }
            }
        }
    }

    $option = [string](Get-HvsProp $vmHost 'VirtualMachineMigrationPerformanceOption' 'TCPIP')
    $nodes += [ordered]@{
        name          = $name
        state         = [string](Get-HvsProp $nodeObject 'State' 'Unknown')
        osVersion     = [string](Get-HvsProp $os 'Version' '')
        osCaption     = [string](Get-HvsProp $os 'Caption' '')
        cpu           = [ordered]@{
            logicalProcessors = $logical
            vendor            = [string](Get-HvsProp $processors[0] 'Manufacturer' '')
            model             = ([string](Get-HvsProp $processors[0] 'Name' '')).Trim()
            maxClockMHz       = [int](Get-HvsProp $processors[0] 'MaxClockSpeed' 0)
        }
        memoryBytes   = [long](Get-HvsProp $system 'TotalPhysicalMemory' 0)
        liveMigration = [ordered]@{
            enabled                = [bool](Get-HvsProp $vmHost 'VirtualMachineMigrationEnabled' $false)
            performanceOption      = $option
            maxSimultaneous        = [int](Get-HvsProp $vmHost 'MaximumVirtualMachineMigrations' 2)
            maxSimultaneousStorage = [int](Get-HvsProp $vmHost 'MaximumStorageMigrations' 2)
            useAnyNetwork          = [bool](Get-HvsProp $vmHost 'UseAnyNetworkForMigration' $false)
            networks               = $migrationSubnets
        }
        nics          = $nics
        switches      = $switches
        hostVnics     = $hostVnics
    }
    if ($lmSpeed -eq 0) { $lmSpeed = $anySpeed }
    $eventHosts += [ordered]@{ name = $name; performanceOption = $option; linkSpeedBps = $lmSpeed }

    foreach ($vm in @(Get-VM -ComputerName $name)) {
        $vmName = [string]$vm.Name
        $group = $null
        if ($groups.ContainsKey($vmName.ToUpperInvariant())) { $group = $groups[$vmName.ToUpperInvariant()] }
        $adapters = @()
        foreach ($a in @(Get-VMNetworkAdapter -VM $vm)) {
            $switchName = Get-HvsProp $a 'SwitchName'
            if ([string]$switchName -eq '') { $switchName = $null }
            $adapters += [ordered]@{ name = [string]$a.Name; switchName = $switchName; protected = [bool](Get-HvsProp $a 'ClusterMonitored' $true) }
        }
        $disks = @()
        foreach ($d in @(Get-VMHardDiskDrive -VM $vm)) {
            $diskPath = [string](Get-HvsProp $d 'Path' '')
            if ($diskPath -eq '') { continue }   # a pass-through disk: no virtual disk to describe
            $vhd = Get-VHD -Path $diskPath -ComputerName $name
            $disks += [ordered]@{
                controller         = [string](Get-HvsProp $d 'ControllerType' 'IDE')
                controllerNumber   = [int](Get-HvsProp $d 'ControllerNumber' 0)
                controllerLocation = [int](Get-HvsProp $d 'ControllerLocation' 0)
                path               = $diskPath
                format             = [string](Get-HvsProp $vhd 'VhdFormat' 'VHDX')
                type               = [string](Get-HvsProp $vhd 'VhdType' 'Dynamic')
                sizeBytes          = [long](Get-HvsProp $vhd 'Size' 0)
                fileSizeBytes      = [long](Get-HvsProp $vhd 'FileSize' 0)
                volume             = (Resolve-HvsVolume $diskPath $name)
                shared             = [bool](Get-HvsProp $d 'SupportPersistentReservations' $false)
            }
        }
        $priority = $null; $preferred = @(); $possible = @(); $classes = @()
        if ($null -ne $group) { $priority = $group.priority; $preferred = $group.preferred; $possible = $group.possible; $classes = $group.classes }
        $dynamic = [bool](Get-HvsProp $vm 'DynamicMemoryEnabled' $false)
        $startup = [long](Get-HvsProp $vm 'MemoryStartup' 0)
        $vms += [ordered]@{
            name                 = $vmName
            id                   = [string](Get-HvsProp $vm 'VMId' '')
            generation           = [int](Get-HvsProp $vm 'Generation' 1)
            configurationVersion = [string](Get-HvsProp $vm 'Version' '')
            state                = [string](Get-HvsProp $vm 'State' 'Off')
            ownerNode            = $name
            clustered            = ($null -ne $group)
            priority             = $priority
            preferredOwners      = $preferred
            possibleOwners       = $possible
            antiAffinityClasses  = $classes
            processorCount       = [int](Get-HvsProp $vm 'ProcessorCount' 1)
            memory               = [ordered]@{
                startupBytes  = $startup
                assignedBytes = [long](Get-HvsProp $vm 'MemoryAssigned' 0)
                dynamic       = $dynamic
                minimumBytes  = [long](Get-HvsProp $vm 'MemoryMinimum' $startup)
                maximumBytes  = [long](Get-HvsProp $vm 'MemoryMaximum' $startup)
            }
            cpuLoad              = $null
            nics                 = $adapters
            disks                = $disks
        }
        $eventVms += [ordered]@{ id = [string](Get-HvsProp $vm 'VMId' ''); name = $vmName; memoryBytes = (Get-HvsVmMemory $vm) }
    }
}

# ---- optional: CPU load over a sample window ---------------------------------------------------------------------

$cpuSample = $null
if ($CpuSampleSeconds -gt 0) {
    $interval = [math]::Min(5, $CpuSampleSeconds)
    $count = [math]::Max(1, [int][math]::Floor($CpuSampleSeconds / $interval))
    Write-Verbose "Sampling VM CPU load: $count samples every $interval s"
    $names = @(); foreach ($n in $nodes) { $names += $n.name }
    $sums = @{}; $counts = @{}
    foreach ($set in @(Get-Counter -ComputerName $names -Counter '\Hyper-V Hypervisor Virtual Processor(*)\% Guest Run Time' -SampleInterval $interval -MaxSamples $count)) {
        foreach ($s in @($set.CounterSamples)) {
            $instance = [string]$s.InstanceName
            if ($instance -eq '_total' -or $instance.IndexOf(':') -lt 0) { continue }
            # Instance 'vmname:hv vp 0': one virtual processor of a VM; the host is the counter path's \\computer part.
            $machine = (Get-HvsShortName (@(([string]$s.Path).TrimStart('\') -split '\\')[0])).ToUpperInvariant()
            $key = $machine + '|' + $instance.Substring(0, $instance.LastIndexOf(':')).ToUpperInvariant()
            if (-not $sums.ContainsKey($key)) { $sums[$key] = 0.0; $counts[$key] = 0 }
            $sums[$key] += [double]$s.CookedValue
            $counts[$key] += 1
        }
    }
    foreach ($vm in $vms) {
        $key = $vm.ownerNode.ToUpperInvariant() + '|' + $vm.name.ToUpperInvariant()
        if ($sums.ContainsKey($key) -and $counts[$key] -gt 0) {
            $load = $sums[$key] / $counts[$key] / 100.0
            $vm.cpuLoad = [math]::Round([math]::Min(1.0, [math]::Max(0.0, $load)), 4)
        }
    }
    $cpuSample = [ordered]@{ seconds = $CpuSampleSeconds; samples = $count }
}

$inventory = [ordered]@{
    schema        = 'hypervsim.inventory'
    schemaVersion = 1
    collectedAt   = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', $Invariant)
    collector     = [ordered]@{ version = $CollectorVersion; powerShellVersion = $PSVersionTable.PSVersion.ToString(); node = (Get-HvsShortName ([string]$env:COMPUTERNAME)) }
    cluster       = $cluster
    nodes         = $nodes
    networks      = $networks
    volumes       = $volumes
    vms           = $vms
    cpuSample     = $cpuSample
}
Write-HvsFile $outFull (ConvertTo-HvsJson $inventory)
Write-Verbose "Wrote $outFull"

# ---- optional: live-migration events -----------------------------------------------------------------------------
# Microsoft-Windows-Hyper-V-VMMS-Admin on the source node: 20413 a live migration started; 20415 it completed
# (property 2: the blackout in seconds); 20417 it completed with a blackout above the warning level. Properties 0
# and 1 are the VM's name and ID (docs/import.md, "Live-migration events").

if ($EventDays -gt 0) {
    $since = (Get-Date).AddDays(-$EventDays)
    $events = New-Object System.Collections.Generic.List[object]
    foreach ($n in $nodes) {
        foreach ($e in @(Get-WinEvent -ComputerName $n.name -FilterHashtable @{ LogName = 'Microsoft-Windows-Hyper-V-VMMS-Admin'; Id = 20413, 20415, 20417; StartTime = $since } -ErrorAction SilentlyContinue)) {
            $properties = @(Get-HvsProp $e 'Properties' @())
            $values = @(); foreach ($p in $properties) { $values += Get-HvsProp $p 'Value' }
            $blackout = $null
            $seconds = 0.0
            if ([int]$e.Id -ne 20413 -and $values.Count -gt 2 -and [double]::TryParse([string]$values[2], [System.Globalization.NumberStyles]::Float, $Invariant, [ref]$seconds)) { $blackout = $seconds }
            $vmName = ''; $vmId = ''
            if ($values.Count -gt 0) { $vmName = [string]$values[0] }
            if ($values.Count -gt 1) { $vmId = [string]$values[1] }
            $events.Add([ordered]@{
                id              = [int]$e.Id
                machine         = $n.name
                time            = ([datetime]$e.TimeCreated).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ', $Invariant)
                vmName          = $vmName
                vmId            = $vmId
                blackoutSeconds = $blackout
            })
        }
    }
    $export = [ordered]@{
        schema        = 'hypervsim.migration-events'
        schemaVersion = 1
        collectedAt   = $inventory.collectedAt
        days          = $EventDays
        hosts         = $eventHosts
        vms           = $eventVms
        events        = $events
    }
    Write-HvsFile $EventsPath (ConvertTo-HvsJson $export)
    Write-Verbose "Wrote $EventsPath"
}
