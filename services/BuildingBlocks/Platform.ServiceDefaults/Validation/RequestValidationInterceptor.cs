using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults.Validation;

/// <summary>
/// Applies <see cref="RequestRules"/> to every request of every service, over gRPC and over REST (JSON transcoding
/// runs the same interceptors), before the handler runs.
/// </summary>
public sealed class RequestValidationInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, responseStream, context);
    }

    private static void Validate<TRequest>(TRequest request)
    {
        if (request is IMessage message)
        {
            RequestRules.Check(message);
        }
    }
}
