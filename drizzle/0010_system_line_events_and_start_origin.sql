ALTER TABLE "messages" ADD COLUMN "event" jsonb;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "origin" text;--> statement-breakpoint
-- Lines written before events were stored ("NAME joined WORKDOMAIN through its website.") become
-- events too, so they read in each reader's language. The workdomain's name is known, so the
-- registrant's name is what comes before " joined WORKDOMAIN through its website.".
UPDATE "messages" AS m
SET "event" = jsonb_build_object(
  'type', 'joined',
  'user', jsonb_build_object('name', left(m."body", length(m."body") - length(' joined ' || w."name" || ' through its website.'))),
  'workdomain', jsonb_build_object('name', w."name"),
  'via', 'site'
)
FROM "conversations" AS c
JOIN "workdomains" AS w ON w."id" = c."workdomain_id"
WHERE m."conversation_id" = c."id"
  AND m."kind" = 'system'
  AND m."event" IS NULL
  AND length(m."body") > length(' joined ' || w."name" || ' through its website.')
  AND right(m."body", length(' joined ' || w."name" || ' through its website.')) = ' joined ' || w."name" || ' through its website.';
