using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class RandomStreamsTests
{
    private static double[] Draw(Random r, int n) => Enumerable.Range(0, n).Select(_ => r.NextDouble()).ToArray();

    [Fact]
    public void The_same_seed_entity_and_purpose_give_the_same_sequence()
    {
        double[] a = Draw(new RandomStreams(42).For("vm-1", "arrivals"), 1000);
        double[] b = Draw(new RandomStreams(42).For("vm-1", "arrivals"), 1000);

        b.Should().Equal(a);
    }

    [Fact]
    public void Asking_twice_restarts_the_stream()
    {
        var streams = new RandomStreams(42);

        Draw(streams.For("vm-1", "arrivals"), 10).Should().Equal(Draw(streams.For("vm-1", "arrivals"), 10));
    }

    [Theory]
    [InlineData(42, "vm-2", "arrivals")]
    [InlineData(42, "vm-1", "failures")]
    [InlineData(43, "vm-1", "arrivals")]
    [InlineData(42, "vm-1arrivals", "")] // the separator keeps ("vm-1", "arrivals") apart from this
    [InlineData(42, "vm-", "1arrivals")]
    public void A_different_seed_entity_or_purpose_gives_a_different_sequence(long seed, string entity, string purpose)
    {
        double[] reference = Draw(new RandomStreams(42).For("vm-1", "arrivals"), 100);

        double[] other = Draw(new RandomStreams(seed).For(entity, purpose), 100);

        other.Should().NotEqual(reference);
        other.Intersect(reference).Should().BeEmpty("independent streams share no draws");
    }

    [Fact]
    public void Adding_streams_for_other_entities_does_not_change_an_entitys_draws()
    {
        double[] alone = Draw(new RandomStreams(7).For("host-3", "failures"), 200);

        var streams = new RandomStreams(7);
        var others = Enumerable.Range(0, 50).Select(i => streams.For("vm-" + i, "failures")).ToList();
        Random mine = streams.For("host-3", "failures");
        var interleaved = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            foreach (Random other in others)
            {
                other.NextDouble();
            }

            interleaved.Add(mine.NextDouble());
        }

        interleaved.Should().Equal(alone);
    }

    [Fact]
    public void Ten_thousand_entities_times_four_purposes_get_forty_thousand_distinct_seeds()
    {
        string[] purposes = ["liveMigration", "memoryDirtying", "failures", "arrivals"];
        var seeds = new HashSet<ulong>();
        for (int i = 1; i <= 10_000; i++)
        {
            foreach (string purpose in purposes)
            {
                seeds.Add(RandomStreams.DeriveSeed(1, $"vm{i:D5}", purpose));
            }
        }

        seeds.Should().HaveCount(40_000, "a full 64-bit seed leaves no room for collisions at this size");
    }

    [Fact]
    public void Many_entities_get_distinct_seeds()
    {
        var seeds = Enumerable.Range(0, 10_000).Select(i => RandomStreams.DeriveSeed(1, "vm-" + i, "arrivals")).ToList();

        seeds.Distinct().Should().HaveCount(10_000);
    }

    [Fact]
    public void Replications_and_cases_get_streams_of_their_own()
    {
        var seeds = new HashSet<ulong>();
        for (long caseIndex = 0; caseIndex < 20; caseIndex++)
        {
            for (long replication = 0; replication < 50; replication++)
            {
                seeds.Add(RandomStreams.DeriveSeed(7, caseIndex, replication, "vm00001", "liveMigration"));
            }
        }

        seeds.Should().HaveCount(1_000);
        RandomStreams.DeriveSeed(7, 1, 0, "vm", "p").Should().NotBe(RandomStreams.DeriveSeed(7, 0, 1, "vm", "p"), "case and replication are not interchangeable");
        double[] first = Draw(new RandomStreams(7, 0, 0).For("vm", "p"), 100);
        double[] second = Draw(new RandomStreams(7, 0, 1).For("vm", "p"), 100);
        second.Intersect(first).Should().BeEmpty();
    }

    [Fact]
    public void A_single_run_is_case_zero_replication_zero()
    {
        var single = new RandomStreams(42);

        single.CaseIndex.Should().Be(0);
        single.Replication.Should().Be(0);
        Draw(single.For("vm-1", "arrivals"), 50).Should().Equal(Draw(new RandomStreams(42, 0, 0).For("vm-1", "arrivals"), 50));
        RandomStreams.DeriveSeed(42, "vm-1", "arrivals").Should().Be(RandomStreams.DeriveSeed(42, 0, 0, "vm-1", "arrivals"));
    }

    /// <summary>
    /// Pinned: seeds and first draws computed once from an independent Python implementation of the derivation
    /// documented on <see cref="RandomStreams.DeriveSeed(long, long, long, string, string)"/> and of xoshiro256**
    /// seeded by SplitMix64, and matched by this one. A change here is a deliberate change of every scenario's
    /// random draws (and so of the baselines).
    /// </summary>
    [Theory]
    [InlineData(42L, 0L, 0L, "vm-1", "arrivals", 9566236163831461953UL, 0.1926855907977183, 0.8232804423317076)]
    [InlineData(0L, 0L, 0L, "", "", 14660109361748623034UL, 0.06688218669288237, 0.4125298739734703)]
    [InlineData(-7L, 0L, 0L, "host-é", "fail", 1199453285064688446UL, 0.7347022728040795, 0.8261310205953439)]
    [InlineData(42L, 3L, 17L, "vm00001", "liveMigration", 15296800857159843616UL, 0.09429388250766069, 0.7000131105087003)]
    public void Derived_seeds_and_first_draws_are_pinned(long root, long caseIndex, long replication, string entity, string purpose, ulong seed, double first, double second)
    {
        RandomStreams.DeriveSeed(root, caseIndex, replication, entity, purpose).Should().Be(seed);

        Random r = new RandomStreams(root, caseIndex, replication).For(entity, purpose);

        r.NextDouble().Should().Be(first);
        r.NextDouble().Should().Be(second);
    }

    /// <summary>The reference sequence of xoshiro256** from the state {1, 2, 3, 4}.</summary>
    [Fact]
    public void The_generator_follows_the_published_algorithm()
    {
        var r = new Xoshiro256Random(1, 2, 3, 4);

        new[] { r.NextUInt64(), r.NextUInt64(), r.NextUInt64(), r.NextUInt64() }
            .Should().Equal(11520UL, 0UL, 1509978240UL, 1215971899390074240UL);
    }

    [Fact]
    public void Every_kind_of_draw_stays_in_its_range()
    {
        Random r = new RandomStreams(5).For("ranges", "test");
        var ints = new HashSet<int>();
        for (int i = 0; i < 10_000; i++)
        {
            r.Next().Should().BeInRange(0, int.MaxValue - 1);
            ints.Add(r.Next(7));
            r.Next(-3, 4).Should().BeInRange(-3, 3);
            r.Next(int.MinValue, int.MaxValue).Should().BeLessThan(int.MaxValue);
            r.NextInt64().Should().BeInRange(0, long.MaxValue - 1);
            r.NextInt64(1_000_000_000_000).Should().BeInRange(0, 999_999_999_999);
            r.NextInt64(long.MinValue, long.MaxValue).Should().BeLessThan(long.MaxValue);
            r.NextSingle().Should().BeInRange(0f, 0.99999994f);
        }

        ints.Should().BeEquivalentTo(Enumerable.Range(0, 7), "every value below the bound comes up");
        r.Next(0).Should().Be(0);
        r.Next(5, 5).Should().Be(5);
        Action negative = () => r.Next(-1);
        Action reversed = () => r.Next(2, 1);
        negative.Should().Throw<ArgumentOutOfRangeException>();
        reversed.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Bytes_are_the_outputs_in_little_endian_order()
    {
        var a = new Xoshiro256Random(99);
        var b = new Xoshiro256Random(99);
        byte[] bytes = new byte[11];

        a.NextBytes(bytes);

        byte[] expected = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(expected.AsSpan(0, 8), b.NextUInt64());
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(expected.AsSpan(8, 8), b.NextUInt64());
        bytes.Should().Equal(expected.Take(11));
    }

    [Fact]
    public void Draws_look_uniform()
    {
        double[] draws = Draw(new RandomStreams(3).For("x", "y"), 100_000);

        draws.Should().OnlyContain(d => d >= 0 && d < 1);
        draws.Average().Should().BeApproximately(0.5, 0.01);
        int[] buckets = new int[10];
        foreach (double d in draws)
        {
            buckets[(int)(d * 10)]++;
        }

        buckets.Should().OnlyContain(n => n > 9_500 && n < 10_500);
    }

    [Fact]
    public void Names_are_required()
    {
        var streams = new RandomStreams(1);

        Action noEntity = () => streams.For(null!, "p");
        Action noPurpose = () => streams.For("e", null!);

        noEntity.Should().Throw<ArgumentNullException>().WithParameterName("entity");
        noPurpose.Should().Throw<ArgumentNullException>().WithParameterName("purpose");
        streams.RootSeed.Should().Be(1);
    }
}
