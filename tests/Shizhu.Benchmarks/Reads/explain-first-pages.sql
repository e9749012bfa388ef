-- The first pages' plans on the read benchmark's database (run-reads.sh keeps it on 127.0.0.1:55434):
--   psql -X -h 127.0.0.1 -p 55434 -U postgres -d shizhu_reads -f tests/Shizhu.Benchmarks/Reads/explain-first-pages.sql
-- The statements are the shapes EF sends (docs/benchmarks.md, "Lists at a million tasks", quotes what they showed).
\echo 'inbox, township staff (T00000001), by due time'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflow_tasks t WHERE t.status = 'Open' AND t.role = ANY (ARRAY['township-staff']) AND t.scope = 'Township' AND t.township_code = 'T00000001' AND t.due_at IS NOT NULL ORDER BY t.due_at, t.id LIMIT 51;
\echo 'inbox, county office, by due time'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflow_tasks t WHERE t.status = 'Open' AND t.role = ANY (ARRAY['county-admin']) AND t.scope = 'County' AND t.due_at IS NOT NULL ORDER BY t.due_at, t.id LIMIT 51;
\echo 'inbox, county office, newest first'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflow_tasks t WHERE t.status = 'Open' AND t.role = ANY (ARRAY['county-admin']) AND t.scope = 'County' ORDER BY t.created_at DESC, t.id DESC LIMIT 51;
\echo 'inbox, department (education), by due time'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflow_tasks t WHERE t.status = 'Open' AND t.role = ANY (ARRAY['county-department']) AND t.scope = 'Department' AND t.department_code = 'education' AND t.due_at IS NOT NULL ORDER BY t.due_at, t.id LIMIT 51;
\echo 'workflows, county office, by township'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflows w ORDER BY w.township_code, w.start_year, w.id LIMIT 51;
\echo 'workflows, county office, running'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflows w WHERE w.status = 'Running' ORDER BY w.township_code, w.start_year, w.id LIMIT 51;
\echo 'workflows, department (education), by township'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.workflows w WHERE EXISTS (SELECT 1 FROM workflows.workflow_tasks t WHERE t.workflow_id = w.id AND t.department_code = 'education') ORDER BY w.township_code, w.start_year, w.id LIMIT 51;
\echo 'alerts, county office'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM workflows.task_alerts a ORDER BY a.raised_at DESC, a.id DESC LIMIT 51;
\echo 'notifications, county office (county-wide audience)'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM notifications.notifications n WHERE n.audience_role = 'county-admin' AND n.audience_township_code IS NULL AND n.audience_department_code IS NULL ORDER BY n.at DESC, n.event_id DESC LIMIT 51;
\echo 'notifications, department (education), unread only'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM notifications.notifications n WHERE n.audience_role = 'county-department' AND n.audience_township_code IS NULL AND n.audience_department_code = 'education' AND NOT EXISTS (SELECT 1 FROM notifications.notifications s WHERE s.event_id = n.event_id AND EXISTS (SELECT 1 FROM notifications.notification_reads r WHERE r.notification_id = s.id AND r.user_name = 'dept-education')) ORDER BY n.at DESC, n.event_id DESC LIMIT 51;
\echo 'workflow page: the tasks of one workflow'
EXPLAIN (ANALYZE, BUFFERS) SELECT t.* FROM workflows.workflow_tasks t WHERE t.workflow_id = (SELECT workflow_id FROM workflows.workflow_tasks WHERE township_code = 'T00000001' AND status = 'Open' LIMIT 1);
