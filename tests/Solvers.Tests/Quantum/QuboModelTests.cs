using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class QuboModelTests
{
    internal static QuboModel RandomModel(int seed, int n, double density = 0.5)
    {
        var random = new Random(seed);
        var builder = new QuboBuilder(n);
        for (var i = 0; i < n; i++) builder.AddLinear(i, random.Next(-10, 11));
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                if (random.NextDouble() < density) builder.AddQuadratic(i, j, random.Next(-10, 11));
        builder.AddOffset(3);
        return builder.Build();
    }

    private static double NaiveEnergy(QuboModel model, byte[] x) =>
        model.Offset + Enumerable.Range(0, x.Length).Sum(i => model.Linear[i] * x[i]) + model.Terms.Sum(t => t.W * x[t.I] * x[t.J]);

    [Fact]
    public void Diagonal_costs_are_the_energy_of_every_bitstring_indexed_by_its_bits()
    {
        var model = RandomModel(1, 9);
        var costs = model.DiagonalCosts();
        for (var index = 0; index < costs.Length; index++)
        {
            var x = Enumerable.Range(0, 9).Select(v => (byte)((index >> v) & 1)).ToArray();
            Assert.Equal(NaiveEnergy(model, x), costs[index], 9);
            Assert.Equal(NaiveEnergy(model, x), model.Energy(x), 9);
        }
    }

    [Fact]
    public void A_flip_changes_the_energy_by_the_local_field_and_keeps_fields_exact()
    {
        var model = RandomModel(2, 15);
        var random = new Random(3);
        var x = Enumerable.Range(0, 15).Select(_ => (byte)random.Next(2)).ToArray();
        var field = new double[15];
        model.ComputeFields(x, field);
        for (var step = 0; step < 200; step++)
        {
            var before = model.Energy(x);
            var delta = model.Flip(x, field, random.Next(15));
            Assert.Equal(model.Energy(x) - before, delta, 9);
        }
        var fresh = new double[15];
        model.ComputeFields(x, fresh);
        Assert.Equal(fresh, field, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Builder_folds_diagonal_terms_and_accumulates_repeats_in_either_order()
    {
        var builder = new QuboBuilder(3);
        builder.AddQuadratic(1, 1, 4);
        builder.AddQuadratic(0, 2, 1);
        builder.AddQuadratic(2, 0, 2);
        builder.AddQuadratic(0, 1, 5);
        builder.AddQuadratic(1, 0, -5);
        var model = builder.Build();
        Assert.Equal([0, 4, 0], model.Linear);
        Assert.Equal([new QuboTerm(0, 2, 3)], model.Terms);
    }

    [Fact]
    public void Squared_linear_expands_to_the_square_on_every_bitstring()
    {
        var builder = new QuboBuilder(3);
        builder.AddSquaredLinear([0, 1, 2], [2, 3, -1], -4, 1.5);
        var model = builder.Build();
        for (var index = 0; index < 8; index++)
        {
            var x = Enumerable.Range(0, 3).Select(v => (byte)((index >> v) & 1)).ToArray();
            var sum = 2 * x[0] + 3 * x[1] - x[2] - 4;
            Assert.Equal(1.5 * sum * sum, model.Energy(x), 9);
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 3)]
    [InlineData(-1, 1)]
    public void Terms_off_the_upper_triangle_or_out_of_range_are_rejected(int i, int j)
    {
        var error = Assert.Throws<ArgumentException>(() => new QuboModel(new double[3], [new QuboTerm(i, j, 1)], 0));
        Assert.Contains("quadratic[0]", error.Message);
    }
}
