using Platform.Reporting.Public;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>
/// The public page's view as the settings API's preview message: the same fields, empty where not public.
/// </summary>
internal static class PublicViewMessages
{
    public static V1.PublicPageView ToMessage(PublicView view)
    {
        var message = new V1.PublicPageView
        {
            DistrictCode = view.DistrictCode,
            DistrictName = view.DistrictName,
            Year = view.Year ?? 0,
            TaskCount = view.TaskCount,
            CompletedCount = view.CompletedCount,
            InProgressCount = view.InProgressCount,
            NotStartedCount = view.NotStartedCount,
            CompletionRate = (double)view.CompletionRate,
        };
        message.Categories.AddRange(view.Categories.Select(c =>
        {
            var category = new V1.PublicCategoryView { Name = c.Name };
            category.Tasks.AddRange(c.Tasks.Select(t =>
            {
                var task = new V1.PublicTaskView
                {
                    Number = t.Number,
                    Text = t.Text,
                    Status = t.Status,
                    Deadline = t.Deadline ?? string.Empty,
                    Light = t.Light ?? string.Empty,
                    ProgressText = t.Progress ?? string.Empty,
                    ProblemsText = t.Problems ?? string.Empty,
                };
                task.LeadUnits.AddRange(t.LeadUnits ?? []);
                return task;
            }));
            return category;
        }));
        if (view.Summary is { } summary)
        {
            message.Summary = new V1.PublicSummaryView
            {
                Completed = summary.Completed,
                MostlyCompleted = summary.MostlyCompleted,
                NotCompleted = summary.NotCompleted,
                Description = summary.Text,
            };
        }

        return message;
    }
}
