using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class QuboFormulatorTests
{
    private static SchedulingProblem OneTaskThreeAgents(bool allowUnassigned) => new()
    {
        Agents = [new Agent { Id = "a" }, new Agent { Id = "b" }, new Agent { Id = "c" }],
        Tasks = [new SchedulingTask { Id = "t" }],
        Constraints = new ConstraintSettings { AllowUnassigned = allowUnassigned, UnassignedPenalty = 4 },
    };

    [Fact]
    public void One_hot_penalty_has_minus_P_linear_and_plus_2P_pairwise()
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(OneTaskThreeAgents(false)), new QuboPenalties(1, 3, 7));

        // Costs are all zero, so every coefficient is the penalty's: −P per variable, +2P per pair (not the
        // seed's −2P, which made "two agents" as cheap as one).
        Assert.All(qubo.Model.Linear, c => Assert.Equal(-7, c));
        Assert.Equal(3, qubo.Model.Terms.Count);
        Assert.All(qubo.Model.Terms, t => Assert.Equal(14, t.W));
        Assert.Equal(0, qubo.Model.Energy([1, 0, 0]));
        Assert.Equal(7, qubo.Model.Energy([0, 0, 0]));
        Assert.Equal(7, qubo.Model.Energy([1, 1, 0]));
    }

    [Fact]
    public void At_most_one_penalty_when_unassigned_is_allowed_rewards_assigning_linearly()
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(OneTaskThreeAgents(true)), new QuboPenalties(1, 3, 7));

        Assert.All(qubo.Model.Linear, c => Assert.Equal(-4, c)); // cost 0 − unassigned penalty 4 × priority 1
        Assert.All(qubo.Model.Terms, t => Assert.Equal(7, t.W));
        Assert.Equal(4, qubo.Model.Energy([0, 0, 0]));            // unassigned: the penalty
        Assert.Equal(0, qubo.Model.Energy([0, 1, 0]));
    }

    [Fact]
    public void Ineligible_overweight_and_pinned_pairs_get_no_variable_and_pins_become_constants()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 10, CostRate = 1 }, new Agent { Id = "b", Skills = ["x"], Capacity = 3, CostRate = 2 }],
            Tasks =
            [
                new SchedulingTask { Id = "needs-x", RequiredSkills = ["x"], Duration = 2 },
                new SchedulingTask { Id = "heavy", Duration = 5 },
                new SchedulingTask { Id = "pinned", Duration = 1 },
            ],
            Pinned = [new Assignment("pinned", "b")],
        };
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(problem));

        var assignments = qubo.Variables.Where(v => v.Kind == QuboVariableKind.Assignment).Select(v => v.Name).ToArray();
        Assert.Equal(["x[t0,a1]", "x[t1,a0]"], assignments);   // needs-x only on b; heavy (5) over b's 3; pinned none
        Assert.Empty(qubo.TaskVariables(2));
        Assert.Equal(1, qubo.Report.PinnedTasks);
        Assert.Equal(4, qubo.Report.EliminatedPairs);
        Assert.Equal(2, qubo.Report.RedundantCapacityConstraints); // a: 5 ≤ 10; b: 2 ≤ 3 − 1 pinned
        Assert.Equal(0, qubo.Report.SlackBits);
        Assert.Equal([1, 0, 1], qubo.Decode([1, 1]).AgentOfTask);
        // The pinned task's cost (1 × rate 2) is part of every energy.
        Assert.Equal(2 + 2 * 2 + 5 * 1, qubo.Model.Energy([1, 1]));
    }

    [Fact]
    public void Slack_bits_encode_the_capacity_exactly()
    {
        // One agent with capacity 6, loads 2, 3, 4; tasks may stay unassigned at no cost so only capacity matters.
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 6 }],
            Tasks = [new SchedulingTask { Id = "t0", Load = 2 }, new SchedulingTask { Id = "t1", Load = 3 }, new SchedulingTask { Id = "t2", Load = 4 }],
            Constraints = new ConstraintSettings { AllowUnassigned = true, UnassignedPenalty = 0 },
        };
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(problem), new QuboPenalties(3, 1, 5));
        var encoding = qubo.Capacity(0)!;
        Assert.Equal(6, encoding.SlackWeights.Sum());             // s ≤ C, and every value 0..C is reachable
        Assert.Equal([1, 2, 3], encoding.SlackWeights);

        foreach (var subset in Enumerable.Range(0, 8))
        {
            var load = new[] { 2, 3, 4 }.Where((_, t) => ((subset >> t) & 1) == 1).Sum();
            var best = double.PositiveInfinity;
            foreach (var slack in Enumerable.Range(0, 8))
            {
                var bits = new byte[qubo.Model.VariableCount];
                for (var t = 0; t < 3; t++) bits[t] = (byte)((subset >> t) & 1);
                for (var k = 0; k < 3; k++) bits[encoding.FirstSlackVariable + k] = (byte)((slack >> k) & 1);
                best = Math.Min(best, qubo.Model.Energy(bits));
            }
            if (load <= 6) Assert.Equal(0, best, 9);
            else Assert.Equal(5.0 * (load - 6) * (load - 6), best, 9);
        }
    }

    [Theory]
    [InlineData(1, false, false, ObjectiveSense.Minimize)]
    [InlineData(2, true, false, ObjectiveSense.Minimize)]
    [InlineData(3, false, true, ObjectiveSense.Maximize)]
    [InlineData(4, true, true, ObjectiveSense.Maximize)]
    public void Energies_of_feasible_bitstrings_are_the_objective_plus_one_constant(int seed, bool allowUnassigned, bool pin, ObjectiveSense sense)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(seed, 4, 3, allowUnassigned, pin, sense));
        var qubo = QuboFormulator.Formulate(instance);
        var sign = sense == ObjectiveSense.Maximize ? -1 : 1;
        var options = Enumerable.Range(0, instance.TaskCount).Select(t =>
            (allowUnassigned && instance.PinnedAgent[t] < 0 ? instance.EligibleAgents[t].Append(-1) : instance.EligibleAgents[t]).ToArray()).ToArray();
        var constants = new List<double>();
        foreach (var assignment in QuboTestProblems.Enumerate(options))
        {
            var check = FeasibilityChecker.Check(instance, assignment);
            if (!check.IsFeasible) continue;
            constants.Add(qubo.Model.Energy(qubo.Encode(assignment)) - sign * check.PenalizedObjective);
        }
        Assert.True(constants.Count > 3);
        Assert.All(constants, c => Assert.Equal(constants[0], c, 6));
    }

    [Theory]
    [InlineData(11, false, false, ObjectiveKind.TotalCost, ObjectiveSense.Minimize)]
    [InlineData(12, true, false, ObjectiveKind.TotalCost, ObjectiveSense.Minimize)]
    [InlineData(13, false, true, ObjectiveKind.TotalCost, ObjectiveSense.Maximize)]
    [InlineData(14, false, false, ObjectiveKind.TotalCost, ObjectiveSense.Maximize)]
    public void The_QUBO_ground_state_decodes_to_an_optimal_feasible_assignment(int seed, bool allowUnassigned, bool pin, ObjectiveKind kind, ObjectiveSense sense)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(seed, 4, 3, allowUnassigned, pin, sense, kind));
        var qubo = QuboFormulator.Formulate(instance);
        Assert.InRange(qubo.Model.VariableCount, 8, 22);

        var (bits, _) = QuboTestProblems.GroundState(qubo.Model);
        var decoded = qubo.Decode(bits);
        var check = FeasibilityChecker.Check(instance, decoded.AgentOfTask);
        var optimum = QuboTestProblems.BruteForce(instance);

        Assert.NotNull(optimum);
        Assert.Empty(decoded.MultiAssignedTasks);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        Assert.Equal(optimum.Value.Check.PenalizedObjective, check.PenalizedObjective, 6);
    }

    [Fact]
    public void Default_penalty_is_one_plus_the_objective_range()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(5, 4, 3));
        var qubo = QuboFormulator.Formulate(instance);
        var range = Enumerable.Range(0, instance.TaskCount).Sum(t =>
            qubo.TaskVariables(t).Max(v => instance.Cost(t, qubo.Variables[v].Agent)) - qubo.TaskVariables(t).Min(v => instance.Cost(t, qubo.Variables[v].Agent)));
        Assert.Equal(range, qubo.Report.ObjectiveRange, 9);
        Assert.Equal(1 + range, qubo.Report.DefaultPenalty, 9);
        Assert.All(qubo.Report.TaskPenalties.Concat(qubo.Report.AgentPenalties), p => Assert.Equal(1 + range, p, 9));
        Assert.Equal(qubo.Report.AssignmentVariables + qubo.Report.SlackBits, qubo.Model.VariableCount);
    }

    [Fact]
    public void Pinned_loads_over_a_capacity_are_reported_as_infeasible()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 1 }],
            Tasks = [new SchedulingTask { Id = "t", Duration = 2 }],
            Pinned = [new Assignment("t", "a")],
        };
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(problem));
        Assert.Contains("pinned to agent \"a\"", qubo.InfeasibilityReason);
    }

    [Fact]
    public void Load_balance_enters_as_the_sum_of_squared_utilisations()
    {
        var problem = QuboTestProblems.Gap(6, 4, 3, kind: ObjectiveKind.LoadBalance);
        problem = problem with { Agents = problem.Agents.Select(a => a with { Capacity = 100 }).ToArray() }; // capacity never binds
        var instance = ProblemInstance.Compile(problem);
        var qubo = QuboFormulator.Formulate(instance);
        Assert.Equal(0, qubo.Report.SlackBits);

        var differences = QuboTestProblems.Enumerate(instance.EligibleAgents).Select(assignment =>
        {
            var load = new double[instance.AgentCount];
            for (var t = 0; t < assignment.Length; t++) load[assignment[t]] += instance.Load(t, assignment[t]);
            return qubo.Model.Energy(qubo.Encode(assignment)) - load.Sum(l => l * l / (100.0 * 100.0));
        }).ToArray();
        Assert.All(differences, d => Assert.Equal(differences[0], d, 9));
    }
}
