import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123215845 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pickup_activity" ("id" text not null, "pickup_id" text not null, "action" text not null, "actor_type" text not null, "actor_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_activity_deleted_at" ON "pickup_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_activity_pickup_id_created_at" ON "pickup_activity" ("pickup_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pickup_code_attempt" ("id" text not null, "location_id" text not null, "actor_id" text not null, "pickup_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_code_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_code_attempt_deleted_at" ON "pickup_code_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_code_attempt_location_id_created_at" ON "pickup_code_attempt" ("location_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_code_attempt_actor_id_created_at" ON "pickup_code_attempt" ("actor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_code_attempt_pickup_id_created_at" ON "pickup_code_attempt" ("pickup_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "pickup_order" add column if not exists "order_display_id" integer null, add column if not exists "customer_name" text null, add column if not exists "email" text null, add column if not exists "fulfillment_id" text null, add column if not exists "rejected_items" jsonb null, add column if not exists "expires_at" timestamptz null, add column if not exists "reminder_sent_at" timestamptz null, add column if not exists "arrived_at" timestamptz null, add column if not exists "arrival_note" text null, add column if not exists "collected_at" timestamptz null, add column if not exists "collected_by" jsonb null, add column if not exists "handed_over_by" text null, add column if not exists "cancelled_at" timestamptz null, add column if not exists "cancel_reason" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_order_status_expires_at" ON "pickup_order" ("status", "expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pickup_activity" cascade;`);

    this.addSql(`drop table if exists "pickup_code_attempt" cascade;`);

    this.addSql(`drop index if exists "IDX_pickup_order_status_expires_at";`);
    this.addSql(`alter table if exists "pickup_order" drop column if exists "order_display_id", drop column if exists "customer_name", drop column if exists "email", drop column if exists "fulfillment_id", drop column if exists "rejected_items", drop column if exists "expires_at", drop column if exists "reminder_sent_at", drop column if exists "arrived_at", drop column if exists "arrival_note", drop column if exists "collected_at", drop column if exists "collected_by", drop column if exists "handed_over_by", drop column if exists "cancelled_at", drop column if exists "cancel_reason";`);
  }

}
