CREATE TABLE "verification_codes" (
	"subject_id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"code_hash" text,
	"previous_code_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"accepted_at" timestamp with time zone,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "verification_codes_expires_at_idx" ON "verification_codes" USING btree ("expires_at");--> statement-breakpoint
INSERT INTO "verification_codes" ("subject_id", "purpose", "code_hash", "previous_code_hash", "expires_at", "attempts", "accepted_at", "consumed_at")
SELECT "id", 'registration', "code_hash", "previous_code_hash", "code_expires_at", "attempts",
	CASE WHEN "state" IN ('verified', 'completed') THEN now() END,
	CASE WHEN "state" = 'completed' THEN now() END
FROM "registrations";--> statement-breakpoint
INSERT INTO "verification_codes" ("subject_id", "purpose", "code_hash", "expires_at", "attempts", "accepted_at", "consumed_at")
SELECT "id", 'sign_in', "code_hash", "expires_at", "attempts", "used_at", "used_at"
FROM "sign_in_attempts";--> statement-breakpoint
ALTER TABLE "sign_in_attempts" DROP COLUMN "code_hash";--> statement-breakpoint
ALTER TABLE "sign_in_attempts" DROP COLUMN "attempts";--> statement-breakpoint
ALTER TABLE "sign_in_attempts" DROP COLUMN "expires_at";--> statement-breakpoint
ALTER TABLE "sign_in_attempts" DROP COLUMN "used_at";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "code_hash";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "previous_code_hash";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "code_expires_at";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "attempts";