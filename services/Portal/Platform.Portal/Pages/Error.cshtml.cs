using Microsoft.AspNetCore.Diagnostics;
using Platform.Portal.Api;

namespace Platform.Portal.Pages;

public sealed class ErrorModel : PortalPage
{
    public string Title { get; private set; } = "出错了";

    public string Message { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? 404 : 500);
        Response.StatusCode = status;
        (Title, var fallback) = status switch
        {
            400 => ("请求有误", "请求的内容无法处理。"),
            403 => ("无权查看", "您的账号无权查看此页面。"),
            404 => ("未找到", "没有这个页面，或您无权查看它。"),
            502 or 503 => ("服务暂不可用", "平台服务暂时无法应答，请稍后重试。"),
            _ => ("出错了", "处理请求时出错，请稍后重试。"),
        };
        Message = HttpContext.Items[ApiErrorPageFilter.ErrorMessageItem] as string ?? fallback;
    }
}
