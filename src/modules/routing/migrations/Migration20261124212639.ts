import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124212639 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "routing_policy" drop constraint if exists "routing_policy_scope_unique";`);
    this.addSql(`alter table if exists "routing_location" drop constraint if exists "routing_location_location_id_unique";`);
    this.addSql(`create table if not exists "order_allocation" ("id" text not null, "order_id" text not null, "line_item_id" text not null, "variant_id" text null, "location_id" text not null, "quantity" integer not null, "status" text check ("status" in ('allocated', 'shipped', 'rejected', 'unavailable')) not null default 'allocated', "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_allocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_order_id" ON "order_allocation" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_location_id" ON "order_allocation" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_allocation_deleted_at" ON "order_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_shipment" ("id" text not null, "order_id" text not null, "location_id" text not null, "status" text check ("status" in ('to_ship', 'picking', 'packed', 'shipped', 'canceled')) not null default 'to_ship', "carrier" text null, "tracking_number" text null, "fulfillment_id" text null, "shipped_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_shipment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_shipment_order_id" ON "order_shipment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_shipment_location_id" ON "order_shipment" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_shipment_deleted_at" ON "order_shipment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "routing_location" ("id" text not null, "location_id" text not null, "ships" boolean null, "safety_stock" integer not null default 0, "latitude" real null, "longitude" real null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "routing_location_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_routing_location_location_id_unique" ON "routing_location" ("location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_routing_location_deleted_at" ON "routing_location" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "routing_policy" ("id" text not null, "scope" text not null, "enabled" boolean not null default true, "rules" jsonb not null default '[]', "priority" jsonb not null default '[]', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "routing_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_routing_policy_scope_unique" ON "routing_policy" ("scope") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_routing_policy_deleted_at" ON "routing_policy" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shipment_activity" ("id" text not null, "shipment_id" text not null, "action" text not null, "actor_type" text not null, "actor_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shipment_activity_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_activity_deleted_at" ON "shipment_activity" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shipment_activity_shipment_id_created_at" ON "shipment_activity" ("shipment_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_allocation" cascade;`);

    this.addSql(`drop table if exists "order_shipment" cascade;`);

    this.addSql(`drop table if exists "routing_location" cascade;`);

    this.addSql(`drop table if exists "routing_policy" cascade;`);

    this.addSql(`drop table if exists "shipment_activity" cascade;`);
  }

}
