import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125025608 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "engagement_segment_member" drop constraint if exists "engagement_segment_member_segment_id_customer_id_unique";`);
    this.addSql(`alter table if exists "engagement_segment" drop constraint if exists "engagement_segment_handle_unique";`);
    this.addSql(`alter table if exists "engagement_purchase" drop constraint if exists "engagement_purchase_order_id_unique";`);
    this.addSql(`create table if not exists "engagement_purchase" ("id" text not null, "order_id" text not null, "customer_id" text null, "email" text null, "sales_channel_id" text null, "currency_code" text not null, "total" numeric not null, "placed_at" timestamptz not null, "canceled_at" timestamptz null, "product_ids" text[] not null, "order_updated_at" timestamptz null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "engagement_purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_engagement_purchase_order_id_unique" ON "engagement_purchase" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_purchase_deleted_at" ON "engagement_purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_purchase_customer_id_placed_at" ON "engagement_purchase" ("customer_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_purchase_placed_at" ON "engagement_purchase" ("placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_purchase_email" ON "engagement_purchase" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "engagement_segment" ("id" text not null, "handle" text not null, "name" text not null, "description" text null, "rule" text check ("rule" in ('recent_buyers', 'category_buyers', 'seasonal_buyers', 'cart_abandoners', 'high_value', 'lapsed', 'subscribers', 'account_holders', 'omnichannel', 'rfm')) not null, "params" jsonb not null, "customer_group_id" text null, "member_count" integer not null default 0, "state" jsonb null, "refreshed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "engagement_segment_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_engagement_segment_handle_unique" ON "engagement_segment" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_segment_deleted_at" ON "engagement_segment" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "engagement_segment_member" ("id" text not null, "segment_id" text not null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "engagement_segment_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_segment_member_deleted_at" ON "engagement_segment_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_engagement_segment_member_segment_id_customer_id_unique" ON "engagement_segment_member" ("segment_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_segment_member_customer_id" ON "engagement_segment_member" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "engagement_purchase" cascade;`);

    this.addSql(`drop table if exists "engagement_segment" cascade;`);

    this.addSql(`drop table if exists "engagement_segment_member" cascade;`);
  }

}
