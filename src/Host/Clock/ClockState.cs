using Shizhu.Host.Configuration;

namespace Shizhu.Host.Clock;

/// <summary>What the application knows about its clock: the mode, and the simulated clock when there is one.</summary>
public sealed record ClockState(ClockMode Mode, SimulatedTimeProvider? Simulated);
