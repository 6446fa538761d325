CREATE TABLE "refused_origins" (
	"workdomain_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"last_refused_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refused_origins_workdomain_id_origin_pk" PRIMARY KEY("workdomain_id","origin")
);
--> statement-breakpoint
ALTER TABLE "refused_origins" ADD CONSTRAINT "refused_origins_workdomain_id_workdomains_id_fk" FOREIGN KEY ("workdomain_id") REFERENCES "public"."workdomains"("id") ON DELETE cascade ON UPDATE no action;