using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Messaging;

/// <summary>Something measured in the background whose last measurement /health shows.</summary>
public interface IMeasuredHealth
{
    HealthCheckResult ToHealth();
}
