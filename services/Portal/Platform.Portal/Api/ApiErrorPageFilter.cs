using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Platform.Portal.Session;

namespace Platform.Portal.Api;

/// <summary>
/// What a page does when the platform refuses: an expired sign-in goes back to the sign-in form (and then back here);
/// a refused read shows the error page with the status and the reason; a refused form post comes back to the page
/// with the reason on top (pages that must keep what was typed catch the error themselves).
/// </summary>
public sealed partial class ApiErrorPageFilter(
    ITempDataDictionaryFactory tempData, ILogger<ApiErrorPageFilter> logger) : IAsyncPageFilter
{
    public const string ErrorMessageItem = "duban.error";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled)
        {
            return;
        }

        var http = context.HttpContext;
        var here = http.Request.Path + http.Request.QueryString;
        switch (exception)
        {
            case SessionExpiredException:
            case RpcException { StatusCode: StatusCode.Unauthenticated }:
            case ApiException { Status: 401 }:
                await http.RequestServices.GetRequiredService<PortalSession>().SignOutAsync();
                var back = HttpMethods.IsGet(http.Request.Method) ? here : "/";
                executed.Result = new RedirectResult("/login?expired=1&returnUrl=" + Uri.EscapeDataString(back));
                break;
            case RpcException or ApiException when !HttpMethods.IsGet(http.Request.Method):
                tempData.GetTempData(http)[PortalPage.ErrorKey] = Describe(exception);
                executed.Result = new RedirectResult(PortalPage.Back(http));
                break;
            case RpcException or ApiException:
                var status = exception is RpcException rpc
                    ? ApiErrors.HttpStatus(rpc)
                    : ((ApiException)exception).Status;
                http.Items[ErrorMessageItem] = Describe(exception);
                executed.Result = new StatusCodeResult(status is 400 or 403 or 404 ? status : 502);
                break;
            default:
                return;
        }

        LogRefused(logger, here.ToString(), exception.Message);
        executed.ExceptionHandled = true;
    }

    private static string Describe(Exception exception) => exception switch
    {
        RpcException rpc => ApiErrors.Describe(rpc),
        _ => exception.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "The platform refused {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}
