# Walks a script's syntax tree with the PowerShell parser and lists every construct newer than Windows PowerShell
# 4.0 (what Windows Server 2012 R2 ships), plus the commands the script calls and the functions it defines.
# Output: JSON { parseErrors, violations, commands, functions }.
param([Parameter(Mandatory = $true)][string]$File)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$tokens = $null
$errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseFile($File, [ref]$tokens, [ref]$errors)
$violations = New-Object System.Collections.Generic.List[string]
$commands = New-Object System.Collections.Generic.List[string]
$functions = New-Object System.Collections.Generic.List[string]
if ($null -ne $ast.ScriptRequirements -and $null -ne $ast.ScriptRequirements.RequiredPSVersion -and $ast.ScriptRequirements.RequiredPSVersion -gt [version]'4.0') {
    $violations.Add('#requires -Version above 4.0')
}
foreach ($n in $ast.FindAll({ param($x) $true }, $true)) {
    $at = "line $($n.Extent.StartLineNumber)"
    switch ($n.GetType().Name) {
        'TypeDefinitionAst' { $violations.Add("${at}: class or enum (PowerShell 5.0)") }
        'UsingStatementAst' { $violations.Add("${at}: using statement (PowerShell 5.0)") }
        'TernaryExpressionAst' { $violations.Add("${at}: ternary operator (PowerShell 7.0)") }
        'PipelineChainAst' { $violations.Add("${at}: pipeline-chain operator && or || (PowerShell 7.0)") }
        'InvokeMemberExpressionAst' {
            if ($n.Static -and $n.Member -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $n.Member.Value -eq 'new') { $violations.Add("${at}: ::new() (PowerShell 5.0)") }
            if ($n.NullConditional) { $violations.Add("${at}: null-conditional ?. (PowerShell 7.1)") }
        }
        'MemberExpressionAst' { if ($n.NullConditional) { $violations.Add("${at}: null-conditional ?. (PowerShell 7.1)") } }
        'IndexExpressionAst' { if ($n.NullConditional) { $violations.Add("${at}: null-conditional ?[] (PowerShell 7.1)") } }
        'BinaryExpressionAst' { if ([string]$n.Operator -eq 'QuestionQuestion') { $violations.Add("${at}: null-coalescing ?? (PowerShell 7.0)") } }
        'AssignmentStatementAst' { if ([string]$n.Operator -eq 'QuestionQuestionEquals') { $violations.Add("${at}: null-coalescing assignment ??= (PowerShell 7.0)") } }
        'CommandParameterAst' { if ($n.ParameterName -eq 'Parallel') { $violations.Add("${at}: -Parallel (PowerShell 7.0)") } }
        'CommandAst' { $name = $n.GetCommandName(); if ($null -ne $name) { $commands.Add($name) } }
        'FunctionDefinitionAst' { $functions.Add($n.Name) }
    }
}
$parseErrors = @(); foreach ($e in $errors) { $parseErrors += "line $($e.Extent.StartLineNumber): $($e.Message)" }
[pscustomobject]@{ parseErrors = @($parseErrors); violations = @($violations); commands = @($commands | Sort-Object -Unique); functions = @($functions | Sort-Object -Unique) } | ConvertTo-Json -Depth 3
