using Microsoft.EntityFrameworkCore;
using Shizhu.Notifications;
using Shizhu.Notifications.Lists;
using Shizhu.Persistence.Paging;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Queries.Lists;

namespace Shizhu.Benchmarks.Reads;

/// <summary>What each role opens: its lists' first pages, a second page through the cursor, the filters a person uses, the badges, the workflow page.</summary>
internal static class ReadCases
{
    public static async Task<IReadOnlyList<ReadCase>> BuildAsync(BenchmarkEngine engine, string connection, CancellationToken ct)
    {
        var township = ReadShape.TownshipCode(1);
        var department = ReferenceDataSeeder.CountyDepartments[0].Code;
        var readers = new (string Role, Actor Actor)[]
        {
            ("township staff", new Actor(ReadShape.StaffOf(township), new HashSet<string> { Roles.TownshipStaff }, township)),
            ("department", new Actor(ReadShape.DepartmentUser(department), new HashSet<string> { Roles.CountyDepartment }, null, department)),
            ("county office", new Actor(ReadShape.CountyOffice, new HashSet<string> { Roles.CountyAdmin }, null)),
            ("leader", new Actor(ReadShape.Leader, new HashSet<string> { Roles.CountyLeader }, null)),
        };
        var (workflowId, taskId, searchWord) = await engine.InScopeAsync<WorkflowDbContext, (Guid, Guid, string)>(async db =>
        {
            var task = await db.Tasks.AsNoTracking().Where(t => t.TownshipCode == township && t.Status == UserTaskStatus.Open).OrderBy(t => t.Id).FirstAsync(ct);
            return (task.WorkflowId, task.Id, task.Title[..Math.Min(2, task.Title.Length)]);
        });

        var cases = new List<ReadCase>();
        foreach (var (role, actor) in readers)
        {
            var recipient = new NotificationRecipient(actor.UserName, actor.Roles, actor.TownshipCode, actor.DepartmentCode);
            Task<Page<T>> Engine<TQuery, T>(Func<TQuery, Task<Page<T>>> read) where TQuery : notnull => engine.InScopeAsync(read);
            async Task<Page<T>> Notifications<T>(Func<NotificationListQuery, Task<Page<T>>> read)
            {
                await using var db = ReadDatabase.NotificationContext(connection);
                return await read(new NotificationListQuery(db));
            }
            void Paged<T>(string name, Func<PageRequest, Task<Page<T>>> read)
            {
                cases.Add(new ReadCase(role, name + ", first page", async _ => (await read(PageRequest.First())).Items.Count));
                cases.Add(new ReadCase(role, name + ", second page", async _ =>
                {
                    var first = await read(PageRequest.First());
                    return first.NextCursor is { } next ? (await read(new PageRequest(PageRequest.DefaultLimit, next))).Items.Count : 0;
                }));
            }

            Paged("inbox (by due time)", p => Engine<InboxQuery, InboxItem>(q => q.PageAsync(actor, InboxFilter.None, p, ct)));
            cases.Add(new ReadCase(role, "inbox newest first, first page", async _ =>
                (await Engine<InboxQuery, InboxItem>(q => q.PageAsync(actor, InboxFilter.None, PageRequest.First(sort: InboxQuery.Created), ct))).Items.Count));
            cases.Add(new ReadCase(role, "inbox overdue only, first page", async _ =>
                (await Engine<InboxQuery, InboxItem>(q => q.PageAsync(actor, new InboxFilter(Overdue: true), PageRequest.First(), ct))).Items.Count));
            cases.Add(new ReadCase(role, $"inbox search \"{searchWord}\", first page", async _ =>
                (await Engine<InboxQuery, InboxItem>(q => q.PageAsync(actor, new InboxFilter(Search: searchWord), PageRequest.First(), ct))).Items.Count));
            if (actor.TownshipCode is null)
                cases.Add(new ReadCase(role, "inbox of one township, first page", async _ =>
                    (await Engine<InboxQuery, InboxItem>(q => q.PageAsync(actor, new InboxFilter(TownshipCode: township), PageRequest.First(), ct))).Items.Count));
            cases.Add(new ReadCase(role, "inbox badge (count, capped 999)", _ =>
                engine.InScopeAsync<InboxQuery, int>(q => q.CountAsync(actor, InboxFilter.None, 1000, ct))));
            Paged("workflows (by township)", p => Engine<WorkflowListQuery, WorkflowSummary>(q => q.PageAsync(actor, WorkflowListFilter.None, p, ct)));
            cases.Add(new ReadCase(role, "workflows running, first page", async _ =>
                (await Engine<WorkflowListQuery, WorkflowSummary>(q => q.PageAsync(actor, new WorkflowListFilter(Status: WorkflowStatus.Running), PageRequest.First(), ct))).Items.Count));
            cases.Add(new ReadCase(role, "workflows newest first, first page", async _ =>
                (await Engine<WorkflowListQuery, WorkflowSummary>(q => q.PageAsync(actor, WorkflowListFilter.None, PageRequest.First(sort: WorkflowListQuery.Started), ct))).Items.Count));
            if (role is "county office" or "leader")
            {
                Paged("alerts", p => Engine<AlertListQuery, AlertView>(q => q.PageAsync(actor, AlertListFilter.None, p, ct)));
                cases.Add(new ReadCase(role, "alerts of one township, first page", async _ =>
                    (await Engine<AlertListQuery, AlertView>(q => q.PageAsync(actor, new AlertListFilter(TownshipCode: township), PageRequest.First(), ct))).Items.Count));
            }
            Paged("notifications", p => Notifications(q => q.PageAsync(recipient, NotificationListFilter.None, p, ct)));
            cases.Add(new ReadCase(role, "notifications unread only, first page", async _ =>
                (await Notifications(q => q.PageAsync(recipient, new NotificationListFilter(UnreadOnly: true), PageRequest.First(), ct))).Items.Count));
            cases.Add(new ReadCase(role, "notifications badge (unread, capped 99)", async _ =>
            {
                await using var db = ReadDatabase.NotificationContext(connection);
                return await new NotificationListQuery(db).UnreadCountAsync(recipient, 100, ct);
            }));
            if (role is "township staff" or "county office")
            {
                cases.Add(new ReadCase(role, "workflow page: workflow with stages and tasks", async _ =>
                    (await engine.InScopeAsync<WorkflowQueries, WorkflowDetail?>(q => q.GetAsync(actor, workflowId, ct)))?.Tasks.Count ?? 0));
                Paged("workflow page: journal", p => engine.InScopeAsync<JournalPageQuery, Page<JournalView>>(async q => (await q.PageAsync(actor, workflowId, p, ct))!));
                cases.Add(new ReadCase(role, "workflow page: one task", async _ =>
                    (await engine.InScopeAsync<WorkflowQueries, TaskDetail?>(q => q.GetTaskAsync(actor, taskId, ct))) is null ? 0 : 1));
            }
        }
        return cases;
    }
}
