import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123185820 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pickup_store" drop constraint if exists "pickup_store_location_id_unique";`);
    this.addSql(`create table if not exists "pickup_store" ("id" text not null, "location_id" text not null, "enabled" boolean not null default false, "latitude" real null, "longitude" real null, "timezone" text not null default 'UTC', "hours" jsonb not null default '{}', "closures" jsonb not null default '[]', "lead_time_minutes" integer not null default 0, "slot_minutes" integer not null default 0, "slot_capacity" integer not null default 0, "hold_days" integer not null default 5, "safety_stock" integer not null default 0, "instructions" text null, "curbside" boolean not null default false, "phone" text null, "email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_store_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_store_location_id_unique" ON "pickup_store" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_store_deleted_at" ON "pickup_store" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pickup_store" cascade;`);
  }

}
