using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Clustering;

/// <summary>
/// The votes of a 2012 R2 cluster (docs/model.md §Quorum): one vote per node, plus the witness's if there is one.
/// With dynamic quorum a node that leaves the membership loses its vote once the cluster has regrouped, and the
/// votes are kept odd: with a witness, the witness votes only when the node votes are even (dynamic witness);
/// without one, an even count loses the vote of the tie-breaker node (the last member in host order, as
/// LowerQuorumPriorityNodeID would name it). A group of nodes has quorum when it holds more than half of the votes
/// in force before the change. Without dynamic quorum every configured node and the witness keep their vote.
/// </summary>
public sealed class QuorumState
{
    private readonly IReadOnlyList<Host> _hosts;
    private readonly bool[] _nodeVote;

    /// <summary>All nodes vote, and the votes are then adjusted for a membership of every node.</summary>
    public QuorumState(IReadOnlyList<Host> hosts, QuorumSpec spec)
    {
        _hosts = hosts ?? throw new ArgumentNullException(nameof(hosts));
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _nodeVote = new bool[hosts.Count];
        Array.Fill(_nodeVote, true);
        WitnessVote = spec.Witness != WitnessKind.None;
        Adjust(hosts);
    }

    public QuorumSpec Spec { get; }

    /// <summary>True while the witness's vote counts.</summary>
    public bool WitnessVote { get; private set; }

    /// <summary>Votes in force: voting nodes plus the witness when it votes.</summary>
    public int TotalVotes => _nodeVote.Count(v => v) + (WitnessVote ? 1 : 0);

    /// <summary>True when <paramref name="host"/> has a vote now.</summary>
    public bool HasVote(Host host) => _nodeVote[host.Index];

    /// <summary>The node votes <paramref name="nodes"/> hold now (the witness not counted).</summary>
    public int NodeVotes(IEnumerable<Host> nodes) => nodes.Count(HasVote);

    /// <summary>
    /// Whether <paramref name="nodes"/> (connected to each other) hold quorum under the votes in force:
    /// their votes, plus the witness's when it votes and they can claim it, must exceed half the total.
    /// <paramref name="usesWitness"/> says the witness's vote was needed (the partition arbitrated for it).
    /// </summary>
    public bool HasQuorum(IReadOnlyCollection<Host> nodes, out bool usesWitness)
    {
        int votes = NodeVotes(nodes);
        int total = TotalVotes;
        usesWitness = false;
        if (2 * votes > total)
        {
            return true;
        }

        if (WitnessVote && nodes.Count > 0 && 2 * (votes + 1) > total)
        {
            usesWitness = true;
            return true;
        }

        return false;
    }

    /// <summary>Sets the votes for a new membership (dynamic quorum and witness); without dynamic quorum nothing changes.</summary>
    public void Adjust(IEnumerable<Host> members)
    {
        if (!Spec.Dynamic)
        {
            return;
        }

        Array.Fill(_nodeVote, false);
        var ordered = members.OrderBy(h => h.Index).ToArray();
        foreach (Host h in ordered)
        {
            _nodeVote[h.Index] = true;
        }

        if (Spec.Witness != WitnessKind.None)
        {
            WitnessVote = ordered.Length % 2 == 0;
        }
        else if (ordered.Length > 0 && ordered.Length % 2 == 0)
        {
            _nodeVote[ordered[^1].Index] = false;
        }
    }

}
