using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Validation;

/// <summary>
/// Reads the single request message of a unary or server-streaming gRPC call before the gRPC runtime does, and
/// answers a broken one with InvalidArgument: a length prefix that does not match the body, a compressed frame without
/// a supported encoding, bytes that are not the method's request message (wrong wire types, invalid UTF-8, truncated
/// fields). Left to the runtime, the first comes back as Internal and the others as Unknown — the statuses that mean
/// "the service has a bug", which a caller's garbage must never produce. A message over the receive limit is
/// ResourceExhausted. The body is handed on unchanged, so the runtime parses what was checked.
/// </summary>
public static class GrpcFrameValidation
{
    private const int HeaderLength = 5;
    private static readonly ConcurrentDictionary<Type, MessageParser?> Parsers = new();

    public static IApplicationBuilder UseGrpcFrameValidation(this IApplicationBuilder app, IConfiguration configuration)
    {
        var maxMessage = configuration.GetValue("Grpc:MaxReceiveMessageSize", 4 * 1024 * 1024);
        return app.Use(async (context, next) =>
        {
            if (!GrpcAnswer.IsGrpc(context.Request) ||
                context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } metadata ||
                metadata.Method.Type is not (Grpc.Core.MethodType.Unary or Grpc.Core.MethodType.ServerStreaming) ||
                Parser(metadata.Method) is not { } parser)
            {
                await next(context);
                return;
            }

            var (body, problem, status) = await ReadAsync(context, maxMessage);
            if (problem is not null)
            {
                GrpcAnswer.WriteTrailersOnly(context.Response, status, problem);
                return;
            }

            problem = Check(body!, context.Request.Headers["grpc-encoding"].ToString(), parser, maxMessage);
            if (problem is not null)
            {
                GrpcAnswer.WriteTrailersOnly(context.Response, GrpcAnswer.InvalidArgument, problem);
                return;
            }

            context.Request.Body = new MemoryStream(body!, writable: false);
            await next(context);
        });
    }

    private static async Task<(byte[]? Body, string? Problem, int Status)> ReadAsync(
        HttpContext context, int maxMessage)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > (long)maxMessage + HeaderLength)
            {
                return (
                    null,
                    $"The request message is larger than the limit of {maxMessage} bytes.",
                    GrpcAnswer.ResourceExhausted);
            }
        }

        return (buffer.ToArray(), null, 0);
    }

    /// <summary>Why the body is not exactly one well-formed request message, or null when it is.</summary>
    public static string? Check(byte[] body, string encoding, MessageParser parser, int maxMessage)
    {
        if (body.Length < HeaderLength)
        {
            return "The request carries no complete gRPC message frame.";
        }

        var compressed = body[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (compressed > 1)
        {
            return "The request's message frame has an invalid compression flag.";
        }

        if (length != body.Length - HeaderLength)
        {
            return $"The request's message frame announces {length} bytes but carries {body.Length - HeaderLength}; " +
                "exactly one message is expected.";
        }

        var payload = body.AsMemory(HeaderLength);
        if (compressed == 1)
        {
            if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
            {
                return "The request's message is compressed without a supported grpc-encoding (gzip).";
            }

            if (Gunzip(payload, maxMessage) is not { } inflated)
            {
                return $"The request's compressed message is not valid gzip or inflates beyond {maxMessage} bytes.";
            }

            payload = inflated;
        }

        try
        {
            parser.ParseFrom(payload.Span);
            return null;
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ArgumentException or InvalidDataException)
        {
            // ArgumentException: the decoder's refusal of invalid UTF-8 in a string field.
            return "The request is not a valid message of this method's request type.";
        }
    }

    private static byte[]? Gunzip(ReadOnlyMemory<byte> payload, int maxMessage)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > maxMessage)
                {
                    return null;
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The request type's parser: the generated message's static Parser property.</summary>
    private static MessageParser? Parser(Grpc.Core.IMethod method) =>
        Parsers.GetOrAdd(method.GetType(), type =>
            type.IsGenericType && type.GetGenericArguments()[0] is var request &&
            request.GetProperty("Parser", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                ?.GetValue(null) is MessageParser parser
                ? parser
                : null);
}
