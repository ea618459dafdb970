using Grpc.Core;

namespace Platform.Notifications.Tests;

public sealed record Person(Guid Id, Metadata Token)
{
    /// <summary>The same token as an HTTP Authorization value ("Bearer …"), for the REST side.</summary>
    public string Authorization => Token.GetValue("authorization")!;
}
