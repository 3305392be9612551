# Stand-ins for every cmdlet tools/Export-HyperVSimInventory.ps1 calls, returning objects shaped as the cmdlets
# document them (property names and value kinds of Windows Server 2012 R2's FailoverClusters, Hyper-V, NetAdapter,
# SmbShare and CimCmdlets modules, Get-Counter and Get-WinEvent). Dot-source before running the collector: a function
# shadows a cmdlet of the same name. A two-node cluster: HV01 (2 x 10 GbE + 1 GbE), HV02 (a 40 GbE RDMA NIC too),
# three VMs on a CSV, a Scale-Out File Server share and a local drive. Every call is recorded in $global:HvsCalls.

$global:HvsCalls = New-Object System.Collections.Generic.List[string]
function Add-HvsCall { param([string]$Name) $global:HvsCalls.Add($Name) }

function Get-Cluster {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-Cluster'
    [pscustomobject]@{ Name = 'LAB-CL01'; Domain = 'corp.example'; DynamicQuorum = [uint32]1; SameSubnetDelay = [uint32]1000; SameSubnetThreshold = [uint32]10; CrossSubnetDelay = [uint32]1000; CrossSubnetThreshold = [uint32]20 }
}

function Get-ClusterQuorum {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-ClusterQuorum'
    [pscustomobject]@{ Cluster = 'LAB-CL01'; QuorumResource = [pscustomobject]@{ Name = 'File Share Witness'; ResourceType = 'File Share Witness' }; QuorumType = 'NodeAndFileShareMajority' }
}

function Get-ClusterNode {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-ClusterNode'
    [pscustomobject]@{ Name = 'HV01'; State = 'Up'; NodeWeight = [uint32]1; DynamicWeight = [uint32]1 }
    [pscustomobject]@{ Name = 'HV02.corp.example'; State = 'Up'; NodeWeight = [uint32]1; DynamicWeight = [uint32]1 }
}

function Get-ClusterNetwork {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-ClusterNetwork'
    [pscustomobject]@{ Name = 'Management'; Role = [uint32]3; Address = '10.0.0.0'; AddressMask = '255.255.255.0'; Metric = [uint32]70384 }
    [pscustomobject]@{ Name = 'LM'; Role = [uint32]1; Address = '10.0.2.0'; AddressMask = '255.255.255.0'; Metric = [uint32]39841 }
}

function Get-ClusterNetworkInterface {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-ClusterNetworkInterface'
    foreach ($n in 'HV01', 'HV02') {
        [pscustomobject]@{ Name = "$n - NIC1"; Node = $n; Network = 'Management'; Adapter = 'NIC1'; Address = '10.0.0.11' }
        [pscustomobject]@{ Name = "$n - LM"; Node = $n; Network = 'LM'; Adapter = 'vEthernet (LM)'; Address = '10.0.2.11' }
    }
}

function Get-ClusterSharedVolume {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-ClusterSharedVolume'
    [pscustomobject]@{ Name = 'Cluster Disk 1'; State = 'Online'; OwnerNode = 'HV01'; SharedVolumeInfo = @([pscustomobject]@{ FriendlyVolumeName = 'C:\ClusterStorage\Volume1'; Partition = [pscustomobject]@{ Size = [uint64]2199023255552; FreeSpace = [uint64]1099511627776; UsedSpace = [uint64]1099511627776 } }) }
}

function Get-SmbShare {
    [CmdletBinding()] param([string]$CimSession, [string]$Name)
    Add-HvsCall 'Get-SmbShare'
    if ($CimSession -eq 'SOFS01' -and $Name -eq 'VMStore') { [pscustomobject]@{ Name = 'VMStore'; ScopeName = 'SOFS01'; Path = 'C:\ClusterStorage\Volume2\Shares\VMStore'; ShareState = 'Online' } }
}

function Get-ClusterGroup {
    [CmdletBinding()] param()
    Add-HvsCall 'Get-ClusterGroup'
    [pscustomobject]@{ Name = 'Cluster Group'; GroupType = 'Cluster'; OwnerNode = 'HV01'; State = 'Online'; Priority = [uint32]3000; AntiAffinityClassNames = @() }
    [pscustomobject]@{ Name = 'WEB01'; GroupType = 'VirtualMachine'; OwnerNode = 'HV01'; State = 'Online'; Priority = [uint32]2000; AntiAffinityClassNames = @('Web') }
    [pscustomobject]@{ Name = 'SQL01'; GroupType = 'VirtualMachine'; OwnerNode = 'HV02'; State = 'Online'; Priority = [uint32]3000; AntiAffinityClassNames = @() }
}

function Get-ClusterOwnerNode {
    [CmdletBinding()] param([string]$Group, [string]$Resource)
    Add-HvsCall 'Get-ClusterOwnerNode'
    if ($Group -eq 'WEB01') { return [pscustomobject]@{ ClusterObject = $Group; OwnerNodes = @('HV01', 'HV02') } }
    if ($Resource -eq 'Virtual Machine SQL01') { return [pscustomobject]@{ ClusterObject = $Resource; OwnerNodes = @('HV02') } }
    [pscustomobject]@{ ClusterObject = "$Group$Resource"; OwnerNodes = @() }
}

function Get-CimInstance {
    [CmdletBinding()] param([string]$ClassName, [string]$ComputerName, [string]$Filter)
    Add-HvsCall 'Get-CimInstance'
    switch ($ClassName) {
        'Win32_Processor' {
            foreach ($socket in 0, 1) { [pscustomobject]@{ DeviceID = "CPU$socket"; Manufacturer = 'GenuineIntel'; Name = 'Intel(R) Xeon(R) CPU E5-2650 v2 @ 2.60GHz   '; NumberOfCores = [uint32]8; NumberOfLogicalProcessors = [uint32]16; MaxClockSpeed = [uint32]2600 } }
        }
        'Win32_ComputerSystem' { [pscustomobject]@{ Name = $ComputerName; TotalPhysicalMemory = [uint64]274877906944 } }
        'Win32_OperatingSystem' { [pscustomobject]@{ Caption = 'Microsoft Windows Server 2012 R2 Datacenter'; Version = '6.3.9600' } }
        'Win32_Volume' {
            [pscustomobject]@{ Name = 'C:\'; Capacity = [uint64]107374182400; FreeSpace = [uint64]53687091200 }
            [pscustomobject]@{ Name = 'C:\ClusterStorage\Volume2\'; Capacity = [uint64]10995116277760; FreeSpace = [uint64]4398046511104 }
        }
        'Win32_LogicalDisk' { [pscustomobject]@{ DeviceID = 'D:'; Size = [uint64]1099511627776; FreeSpace = [uint64]549755813888 } }
        default { throw "Get-CimInstance stand-in: class $ClassName not expected" }
    }
}

function Get-VMHost {
    [CmdletBinding()] param([string]$ComputerName)
    Add-HvsCall 'Get-VMHost'
    [pscustomobject]@{ ComputerName = $ComputerName; LogicalProcessorCount = 32; MemoryCapacity = [long]274877906944; VirtualMachineMigrationEnabled = $true; VirtualMachineMigrationPerformanceOption = 'Compression'; MaximumVirtualMachineMigrations = [uint32]2; MaximumStorageMigrations = [uint32]2; UseAnyNetworkForMigration = $false; VirtualMachineMigrationAuthenticationType = 'Kerberos' }
}

function Get-VMMigrationNetwork {
    [CmdletBinding()] param([string]$ComputerName)
    Add-HvsCall 'Get-VMMigrationNetwork'
    [pscustomobject]@{ Subnet = '10.0.2.0/24'; Priority = [uint32]0 }
}

function Get-NetAdapter {
    [CmdletBinding()] param([string]$CimSession, [switch]$Physical)
    Add-HvsCall 'Get-NetAdapter'
    if (-not $Physical) { throw 'the collector reads physical adapters only' }
    [pscustomobject]@{ Name = 'NIC1'; InterfaceDescription = 'Broadcom NetXtreme Gigabit Ethernet'; Status = 'Up'; LinkSpeed = '1 Gbps'; Speed = [uint64]1000000000; ReceiveLinkSpeed = [uint64]1000000000 }
    [pscustomobject]@{ Name = 'SLOT 2 Port 1'; InterfaceDescription = 'Intel(R) Ethernet 10G 2P X520 Adapter'; Status = 'Up'; LinkSpeed = '10 Gbps'; Speed = [uint64]10000000000; ReceiveLinkSpeed = [uint64]10000000000 }
    [pscustomobject]@{ Name = 'SLOT 2 Port 2'; InterfaceDescription = 'Intel(R) Ethernet 10G 2P X520 Adapter #2'; Status = 'Disconnected'; LinkSpeed = '0 bps'; Speed = [uint64]0; ReceiveLinkSpeed = [uint64]0 }
    if ($CimSession -like 'HV02*') {
        [pscustomobject]@{ Name = 'SLOT 4 Port 1'; InterfaceDescription = 'Mellanox ConnectX-3 Ethernet Adapter'; Status = 'Up'; LinkSpeed = '40 Gbps'; Speed = [uint64]40000000000; ReceiveLinkSpeed = [uint64]40000000000 }
    }
}

function Get-NetAdapterRdma {
    [CmdletBinding()] param([string]$CimSession)
    Add-HvsCall 'Get-NetAdapterRdma'
    if ($CimSession -like 'HV02*') { [pscustomobject]@{ Name = 'SLOT 4 Port 1'; InterfaceDescription = 'Mellanox ConnectX-3 Ethernet Adapter'; Enabled = $true } }
}

function Get-VMSwitch {
    [CmdletBinding()] param([string]$ComputerName)
    Add-HvsCall 'Get-VMSwitch'
    [pscustomobject]@{ Name = 'ConvergedSwitch'; SwitchType = 'External'; NetAdapterInterfaceDescription = 'Intel(R) Ethernet 10G 2P X520 Adapter'; AllowManagementOS = $true }
}

function Get-VMNetworkAdapter {
    [CmdletBinding()] param([switch]$ManagementOS, [string]$ComputerName, $VM)
    Add-HvsCall 'Get-VMNetworkAdapter'
    if ($ManagementOS) { return [pscustomobject]@{ Name = 'LM'; SwitchName = 'ConvergedSwitch'; IsManagementOs = $true } }
    [pscustomobject]@{ Name = 'Network Adapter'; VMName = $VM.Name; SwitchName = 'ConvergedSwitch'; ClusterMonitored = ($VM.Name -ne 'TEST01') }
    if ($VM.Name -eq 'TEST01') { [pscustomobject]@{ Name = 'Unplugged'; VMName = $VM.Name; SwitchName = $null; ClusterMonitored = $true } }
}

function Get-VM {
    [CmdletBinding()] param([string]$ComputerName)
    Add-HvsCall 'Get-VM'
    if ($ComputerName -eq 'HV01') {
        [pscustomobject]@{ Name = 'WEB01'; VMId = [guid]'11111111-1111-4111-8111-111111111111'; Generation = 2; Version = '5.0'; State = 'Running'; ComputerName = 'HV01'; ProcessorCount = 2; MemoryStartup = [long]4294967296; MemoryAssigned = [long]5368709120; DynamicMemoryEnabled = $true; MemoryMinimum = [long]536870912; MemoryMaximum = [long]17179869184; IsClustered = $true }
    }
    else {
        [pscustomobject]@{ Name = 'SQL01'; VMId = [guid]'22222222-2222-4222-8222-222222222222'; Generation = 2; Version = '5.0'; State = 'Running'; ComputerName = 'HV02'; ProcessorCount = 8; MemoryStartup = [long]34359738368; MemoryAssigned = [long]34359738368; DynamicMemoryEnabled = $false; MemoryMinimum = [long]34359738368; MemoryMaximum = [long]34359738368; IsClustered = $true }
        [pscustomobject]@{ Name = 'TEST01'; VMId = [guid]'33333333-3333-4333-8333-333333333333'; Generation = 1; Version = '5.0'; State = 'Off'; ComputerName = 'HV02'; ProcessorCount = 1; MemoryStartup = [long]2147483648; MemoryAssigned = [long]0; DynamicMemoryEnabled = $false; MemoryMinimum = [long]2147483648; MemoryMaximum = [long]2147483648; IsClustered = $false }
    }
}

function Get-VMHardDiskDrive {
    [CmdletBinding()] param($VM)
    Add-HvsCall 'Get-VMHardDiskDrive'
    switch ($VM.Name) {
        'WEB01' { [pscustomobject]@{ VMName = 'WEB01'; ControllerType = 'SCSI'; ControllerNumber = 0; ControllerLocation = 0; Path = 'C:\ClusterStorage\Volume1\WEB01\WEB01.vhdx'; SupportPersistentReservations = $false } }
        'SQL01' {
            [pscustomobject]@{ VMName = 'SQL01'; ControllerType = 'SCSI'; ControllerNumber = 0; ControllerLocation = 0; Path = 'C:\ClusterStorage\Volume1\SQL01\os.vhdx'; SupportPersistentReservations = $false }
            [pscustomobject]@{ VMName = 'SQL01'; ControllerType = 'SCSI'; ControllerNumber = 0; ControllerLocation = 1; Path = '\\SOFS01\VMStore\SQL01\data.vhdx'; SupportPersistentReservations = $false }
        }
        default {
            [pscustomobject]@{ VMName = $VM.Name; ControllerType = 'IDE'; ControllerNumber = 0; ControllerLocation = 0; Path = 'D:\VMs\TEST01\test.vhd'; SupportPersistentReservations = $false }
            [pscustomobject]@{ VMName = $VM.Name; ControllerType = 'SCSI'; ControllerNumber = 0; ControllerLocation = 0; Path = $null; DiskNumber = 3 }
        }
    }
}

function Get-VHD {
    [CmdletBinding()] param([string]$Path, [string]$ComputerName)
    Add-HvsCall 'Get-VHD'
    $format = 'VHDX'; if ($Path -like '*.vhd') { $format = 'VHD' }
    $type = 'Dynamic'; if ($Path -like '*os.vhdx') { $type = 'Fixed' }
    [pscustomobject]@{ Path = $Path; VhdFormat = $format; VhdType = $type; Size = [uint64]136365211648; FileSize = [uint64]42949672960; ParentPath = $null }
}

function Get-Counter {
    [CmdletBinding()] param([string[]]$ComputerName, [string]$Counter, [int]$SampleInterval, [int]$MaxSamples)
    Add-HvsCall 'Get-Counter'
    foreach ($i in 1..$MaxSamples) {
        # WEB01's two virtual processors run 20% and 30% of the time in odd samples, 10% and 20% in even ones: 20% on average.
        $odd = ($i % 2) -eq 1
        $a = 10.0; $b = 20.0; if ($odd) { $a = 20.0; $b = 30.0 }
        [pscustomobject]@{ Timestamp = (Get-Date); CounterSamples = @(
            [pscustomobject]@{ Path = '\\hv01\hyper-v hypervisor virtual processor(web01:hv vp 0)\% guest run time'; InstanceName = 'web01:hv vp 0'; CookedValue = $a },
            [pscustomobject]@{ Path = '\\hv01\hyper-v hypervisor virtual processor(web01:hv vp 1)\% guest run time'; InstanceName = 'web01:hv vp 1'; CookedValue = $b },
            [pscustomobject]@{ Path = '\\hv02\hyper-v hypervisor virtual processor(sql01:hv vp 0)\% guest run time'; InstanceName = 'sql01:hv vp 0'; CookedValue = 55.0 },
            [pscustomobject]@{ Path = '\\hv02\hyper-v hypervisor virtual processor(_total)\% guest run time'; InstanceName = '_total'; CookedValue = 12.0 }) }
    }
}

function Get-WinEvent {
    [CmdletBinding()] param([string]$ComputerName, [hashtable]$FilterHashtable)
    Add-HvsCall 'Get-WinEvent'
    if ($FilterHashtable['LogName'] -ne 'Microsoft-Windows-Hyper-V-VMMS-Admin') { throw 'unexpected log' }
    if ($ComputerName -ne 'HV01') { return }
    $start = [datetime]::SpecifyKind([datetime]'2026-11-19T03:00:00', [System.DateTimeKind]::Utc)
    $vm = [pscustomobject]@{ Value = 'WEB01' }
    $id = [pscustomobject]@{ Value = '11111111-1111-4111-8111-111111111111' }
    [pscustomobject]@{ Id = 20413; MachineName = 'HV01.corp.example'; TimeCreated = $start; Properties = @($vm, $id, [pscustomobject]@{ Value = 'HV02' }) }
    [pscustomobject]@{ Id = 20415; MachineName = 'HV01.corp.example'; TimeCreated = $start.AddSeconds(42.5); Properties = @($vm, $id, [pscustomobject]@{ Value = '0.318' }) }
}
