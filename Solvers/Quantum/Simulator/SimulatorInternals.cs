using System.Runtime.CompilerServices;

// The simulator's tests reach the memory layout's internal knobs (segment and gap sizes) to run the segmented
// layout on states small enough for the naive reference.
[assembly: InternalsVisibleTo("Simulator.Tests")]
