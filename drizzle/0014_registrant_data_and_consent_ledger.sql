CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workdomain_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"granted" boolean NOT NULL,
	"version" text,
	"lang" text NOT NULL,
	"link_id" text,
	"origin" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "privacy_policy_url" text;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "terms_url" text;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "consent_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "policy_version" text DEFAULT '1' NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "marketing_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "marketing" boolean;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "fields" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "fields" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "marketing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "consent_version" text;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_workdomain_id_workdomains_id_fk" FOREIGN KEY ("workdomain_id") REFERENCES "public"."workdomains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_user_id_at_idx" ON "consents" USING btree ("user_id","at");--> statement-breakpoint
-- The ledger is appended to, never rewritten: an UPDATE is refused. Rows go only with the person (erasure).
CREATE FUNCTION "consents_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consents are append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "consents_no_update" BEFORE UPDATE ON "consents" FOR EACH ROW EXECUTE FUNCTION "consents_append_only"();
--> statement-breakpoint
-- Endpoints made for "every event" get the new one too.
UPDATE "webhook_endpoints" SET "events" = "events" || '["user.deleted"]'::jsonb
WHERE "events" @> '["user.registered","registration.opened","registration.closed"]'::jsonb;
