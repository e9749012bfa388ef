namespace Shizhu.Workflows.Runtime.Model;

public enum TokenState
{
    Waiting,
    /// <summary>A service task failed; the incident says why, and a retry runs the element again.</summary>
    Incident,
}
