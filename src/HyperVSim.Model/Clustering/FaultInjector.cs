using HyperVSim.Engine;
using HyperVSim.Model.Components;
using HyperVSim.Model.Specs;
using MathNet.Numerics.Distributions;

namespace HyperVSim.Model.Clustering;

/// <summary>
/// Stochastic faults (docs/model.md §Faults): every component of a class named in the scenario's <c>faults</c>
/// section alternates between up, for a draw of its time between failures, and down, for a draw of its time to
/// repair, each draw from the component's own stream (seed, component name, "faults"), so adding a component or a
/// class never changes another's faults. Hosts, NICs (host/nic), storage paths (host/volume, shared volumes) and
/// volumes. Nothing is drawn past the run's stop time.
/// </summary>
public sealed class FaultInjector : IClusterComponent
{
    private Cluster? _cluster;

    /// <summary>Random failures caused so far.</summary>
    public int Failures { get; private set; }

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        FaultsSpec faults = cluster.Spec.Faults;
        if (!faults.Any || cluster.Spec.Until is null)
        {
            return;
        }

        foreach (var (process, targets) in new (FaultProcessSpec?, IEnumerable<FaultTarget>)[]
        {
            (faults.Hosts, cluster.Hosts.Select(h => new FaultTarget(FaultTargetKind.Host, h.Name))),
            (faults.Nics, cluster.Hosts.SelectMany(h => h.Nics).Select(n => new FaultTarget(FaultTargetKind.Nic, n.FullName))),
            (faults.StoragePaths, cluster.Hosts.SelectMany(h => cluster.Volumes.Where(v => v.Owner is null).Select(v => new FaultTarget(FaultTargetKind.StoragePath, $"{h.Name}/{v.Name}")))),
            (faults.Storage, cluster.Volumes.Select(v => new FaultTarget(FaultTargetKind.Storage, v.Name))),
        })
        {
            if (process is null)
            {
                continue;
            }

            foreach (FaultTarget target in targets)
            {
                Random stream = cluster.Streams.For(target.Name, $"faults.{target.Kind}");
                Next(target, process, stream, fail: true);
            }
        }
    }

    private void Next(FaultTarget target, FaultProcessSpec process, Random stream, bool fail)
    {
        Cluster cluster = _cluster!;
        SimTime wait = Draw(fail ? process.Between : process.Repair, stream);
        if (cluster.Simulation.Now + wait > cluster.Spec.Until!.Value)
        {
            return;
        }

        cluster.Simulation.Schedule(wait, _ =>
        {
            var service = cluster.Component<ClusterService>();
            if (fail)
            {
                Failures++;
                service.Fail(target, "random fault");
            }
            else
            {
                service.Repair(target);
            }

            Next(target, process, stream, !fail);
        }, null, fail ? "random failure" : "random repair");
    }

    /// <summary>One duration from <paramref name="distribution"/> (seconds, at least 1 ns).</summary>
    public static SimTime Draw(DistributionSpec distribution, Random stream)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double seconds = distribution switch
        {
            ExponentialSpec e => Exponential.Sample(stream, 1.0 / e.Mean),
            WeibullSpec w => Weibull.Sample(stream, w.Shape, w.Scale),
            LogNormalSpec l => LogNormal.Sample(stream, Math.Log(l.Median), l.Sigma),
            _ => throw new ArgumentException($"unknown distribution {distribution.GetType().Name}", nameof(distribution)),
        };
        return new SimTime(Math.Max(1L, (long)Math.Round(seconds * SimTime.NanosecondsPerSecond)));
    }
}
