using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Turns domain exceptions into gRPC statuses with a readable message. Anything unexpected is logged and answered
/// with a bare Internal status: no stack trace leaves the service.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        var status = exception switch
        {
            RpcException => (StatusCode?)null,
            ValidationException => StatusCode.InvalidArgument,
            NotFoundException => StatusCode.NotFound,
            ConflictException => StatusCode.AlreadyExists,
            ForbiddenException => StatusCode.PermissionDenied,
            PreconditionException => StatusCode.FailedPrecondition,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => StatusCode.Cancelled,
            _ when DatabaseFailures.IsTransient(exception) => StatusCode.Unavailable,
            _ => StatusCode.Internal,
        };
        if (status is not { } code)
        {
            return null;
        }

        if (code == StatusCode.Unavailable)
        {
            LogDatabaseUnavailable(exception.GetBaseException().Message, context.Method);
            return new RpcException(new Status(code, DatabaseUnavailable));
        }

        if (code == StatusCode.Internal)
        {
            LogUnexpected(exception, context.Method);
            return new RpcException(new Status(code, "An unexpected error occurred; it has been logged."));
        }

        return new RpcException(new Status(code, exception.Message));
    }

    /// <summary>
    /// What a caller is told while the service's database is down or restarting: nothing was written.
    /// </summary>
    public const string DatabaseUnavailable = "The service cannot reach its database at the moment; nothing was " +
        "changed. Try again shortly.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed because the database is unavailable: {Reason}")]
    private partial void LogDatabaseUnavailable(string reason, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Method}")]
    private partial void LogUnexpected(Exception exception, string method);
}
