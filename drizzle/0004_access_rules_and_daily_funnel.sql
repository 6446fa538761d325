CREATE TABLE "funnel_daily" (
	"workdomain_id" uuid NOT NULL,
	"link_id" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "funnel_daily_pk" PRIMARY KEY("workdomain_id","day","link_id","kind")
);
--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "allowed_email_domains" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "blocked_email_domains" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "block_disposable_emails" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "allowed_origins" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD COLUMN "bot_protection" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "funnel_daily" ADD CONSTRAINT "funnel_daily_workdomain_id_workdomains_id_fk" FOREIGN KEY ("workdomain_id") REFERENCES "public"."workdomains"("id") ON DELETE cascade ON UPDATE no action;