-- Keep the counts: one row per event becomes one row per workdomain, link, day and step.
INSERT INTO "funnel_daily" ("workdomain_id", "link_id", "day", "kind", "count")
SELECT e."workdomain_id", coalesce(s."link_id", ''), (e."created_at" at time zone 'utc')::date, e."kind", count(*)
FROM "funnel_events" e LEFT JOIN "registration_settings" s ON s."workdomain_id" = e."workdomain_id"
GROUP BY 1, 2, 3, 4
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "funnel_events" CASCADE;