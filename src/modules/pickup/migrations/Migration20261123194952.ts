import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123194952 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pickup_store" drop constraint if exists "pickup_store_location_id_unique";`);
    this.addSql(`alter table if exists "pickup_selection" drop constraint if exists "pickup_selection_cart_id_unique";`);
    this.addSql(`alter table if exists "pickup_order" drop constraint if exists "pickup_order_order_id_unique";`);
    this.addSql(`create table if not exists "pickup_order" ("id" text not null, "order_id" text not null, "cart_id" text null, "customer_id" text null, "location_id" text not null, "status" text check ("status" in ('placed', 'preparing', 'ready', 'partially_ready', 'collected', 'cancelled', 'expired')) not null default 'placed', "slot_start" timestamptz null, "slot_end" timestamptz null, "ready_by" timestamptz null, "pickup_person" jsonb null, "code_hash" text not null, "code_nonce" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_order_order_id_unique" ON "pickup_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_order_deleted_at" ON "pickup_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_order_location_id_status" ON "pickup_order" ("location_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_order_customer_id" ON "pickup_order" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_order_location_id_code_hash" ON "pickup_order" ("location_id", "code_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_order_location_id_slot_start" ON "pickup_order" ("location_id", "slot_start") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pickup_selection" ("id" text not null, "cart_id" text not null, "location_id" text not null, "shipping_option_id" text null, "slot_start" timestamptz null, "slot_end" timestamptz null, "pickup_person" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_selection_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_selection_cart_id_unique" ON "pickup_selection" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_selection_deleted_at" ON "pickup_selection" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pickup_store" ("id" text not null, "location_id" text not null, "enabled" boolean not null default false, "latitude" real null, "longitude" real null, "timezone" text not null default 'UTC', "hours" jsonb not null default '{}', "closures" jsonb not null default '[]', "lead_time_minutes" integer not null default 0, "slot_minutes" integer not null default 0, "slot_capacity" integer not null default 0, "hold_days" integer not null default 5, "safety_stock" integer not null default 0, "instructions" text null, "curbside" boolean not null default false, "phone" text null, "email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_store_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_store_location_id_unique" ON "pickup_store" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_store_deleted_at" ON "pickup_store" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pickup_order" cascade;`);

    this.addSql(`drop table if exists "pickup_selection" cascade;`);

    this.addSql(`drop table if exists "pickup_store" cascade;`);
  }

}
