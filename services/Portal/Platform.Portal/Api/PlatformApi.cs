using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Portal.Session;
using NotificationsV1 = Platform.Contracts.Notifications.V1;
using ReportingV1 = Platform.Contracts.Reporting.V1;
using TasksV1 = Platform.Contracts.Tasks.V1;
using UnitsV1 = Platform.Contracts.Units.V1;

namespace Platform.Portal.Api;

/// <summary>
/// The platform's public API as the signed-in person: typed gRPC clients over the gateway's gRPC port, and its REST
/// port for what only REST carries (document import with its size limit, evidence files, exports).
/// </summary>
public sealed class PlatformApi(GrpcChannel channel, PortalSession session, IHttpClientFactory httpFactory)
{
    public const string GatewayHttpClient = "gateway";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public TasksV1.TaskLists.TaskListsClient Tasks { get; } = new(channel);

    public ReportingV1.Reports.ReportsClient Reports { get; } = new(channel);

    public ReportingV1.PublicPages.PublicPagesClient PublicPage { get; } = new(channel);

    public ReportingV1.Supervision.SupervisionClient Supervision { get; } = new(channel);

    public ReportingV1.Dashboards.DashboardsClient Dashboards { get; } = new(channel);

    public ReportingV1.YearEnd.YearEndClient YearEnd { get; } = new(channel);

    public NotificationsV1.Inbox.InboxClient Inbox { get; } = new(channel);

    public NotificationsV1.Webhooks.WebhooksClient Webhooks { get; } = new(channel);

    public UnitsV1.UnitDirectory.UnitDirectoryClient Units { get; } = new(channel);

    public UnitsV1.TenantDirectory.TenantDirectoryClient Tenants { get; } = new(channel);

    public UnitsV1.AccessDirectory.AccessDirectoryClient Accounts { get; } = new(channel);

    /// <summary>Call options carrying the person's bearer token.</summary>
    public async Task<CallOptions> AsPersonAsync(CancellationToken cancellationToken) =>
        new(new Metadata { { "authorization", "Bearer " + await session.AccessTokenAsync(cancellationToken) } },
            deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);

    /// <summary>Imports a document through REST (the gateway allows uploads up to its import limit there).</summary>
    public async Task<TasksV1.ImportTaskListResponse> ImportAsync(
        int year, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { year, fileName, content = Convert.ToBase64String(content) });
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/task-lists:import")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var text = await SendAsync(request, cancellationToken);
        return Parser.Parse<TasksV1.ImportTaskListResponse>(text);
    }

    /// <summary>Uploads one evidence file for a task's month; returns the stored file.</summary>
    public async Task<ReportingV1.EvidenceFile> UploadEvidenceAsync(
        string taskId, string period, IFormFile file, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        await using var stream = file.OpenReadStream();
        var part = new StreamContent(stream);
        part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type)
            ? type
            : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", file.FileName);
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"api/v1/evidence?task_id={Uri.EscapeDataString(taskId)}&period={Uri.EscapeDataString(period)}")
        {
            Content = form,
        };
        var text = await SendAsync(request, cancellationToken);
        return Parser.Parse<ReportingV1.EvidenceFile>(text);
    }

    /// <summary>
    /// A file the platform generates or stores (exports, evidence), streamed; the caller disposes the response.
    /// </summary>
    public async Task<HttpResponseMessage> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        await AuthorizeAsync(request, cancellationToken);
        var response = await httpFactory.CreateClient(GatewayHttpClient)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw ApiErrors.FromProblem((int)response.StatusCode, text);
        }

        return response;
    }

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(request, cancellationToken);
        using var response = await httpFactory.CreateClient(GatewayHttpClient).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? text : throw ApiErrors.FromProblem((int)response.StatusCode, text);
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Headers.Authorization =
            new AuthenticationHeaderValue("Bearer", await session.AccessTokenAsync(cancellationToken));
}
