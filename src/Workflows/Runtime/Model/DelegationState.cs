namespace Shizhu.Workflows.Runtime.Model;

/// <summary>委派: a delegated task is with its delegate (<see cref="Pending"/>) until they resolve it back to its owner (<see cref="Resolved"/>).</summary>
public enum DelegationState
{
    Pending,
    Resolved,
}
