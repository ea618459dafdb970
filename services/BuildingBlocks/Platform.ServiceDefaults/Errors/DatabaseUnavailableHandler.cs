using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The REST endpoints that are not gRPC (uploads, downloads) answer a database outage as 503 problem details with a
/// Retry-After, like the gRPC methods' Unavailable, instead of a 500 "unexpected error".
/// </summary>
public sealed partial class DatabaseUnavailableHandler(
    IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsTransient(exception))
        {
            return false;
        }

        LogUnavailable(exception.GetBaseException().Message, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = ErrorMappingInterceptor.DatabaseUnavailable,
                Type = "https://duban.example.gov.cn/problems/unavailable",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} failed because the database is unavailable: {Reason}")]
    private partial void LogUnavailable(string reason, string path);
}
