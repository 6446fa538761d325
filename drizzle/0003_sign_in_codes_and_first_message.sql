ALTER TABLE "registration_settings" ADD COLUMN "message" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "previous_code_hash" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "message" text;