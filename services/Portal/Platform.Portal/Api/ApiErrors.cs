using System.Text.Json;
using Grpc.Core;

namespace Platform.Portal.Api;

/// <summary>The platform's refusals in words: what kind of refusal, then the service's own reason.</summary>
public static class ApiErrors
{
    public static string Describe(RpcException ex) => Describe(ex.StatusCode switch
    {
        StatusCode.InvalidArgument => 400,
        StatusCode.Unauthenticated => 401,
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.FailedPrecondition => 412,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => 503,
        _ => 500,
    }, ex.Status.Detail);

    public static int HttpStatus(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.InvalidArgument => 400,
        StatusCode.Unauthenticated => 401,
        _ => 502,
    };

    public static ApiException FromProblem(int status, string body)
    {
        string? detail = null;
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            detail = json.TryGetProperty("detail", out var d) ? d.GetString()
                : json.TryGetProperty("title", out var t) ? t.GetString()
                : null;
        }
        catch (JsonException)
        {
            detail = body.Length > 200 ? body[..200] : body;
        }

        return new ApiException(Describe(status, detail), status);
    }

    private static string Describe(int status, string? detail)
    {
        var kind = status switch
        {
            400 => "输入有误",
            401 => "登录已过期",
            403 => "无权操作",
            404 => "未找到",
            409 => "与现有数据冲突",
            412 => "当前状态不允许此操作",
            413 => "文件过大",
            429 => "请求过于频繁，请稍后再试",
            503 => "服务暂不可用，请稍后重试",
            _ => $"服务出错（{status}）",
        };
        return string.IsNullOrWhiteSpace(detail) ? kind + "。" : $"{kind}：{detail}";
    }
}
