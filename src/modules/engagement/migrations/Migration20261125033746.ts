import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125033746 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "engagement_abandoned_cart" drop constraint if exists "engagement_abandoned_cart_cart_id_unique";`);
    this.addSql(`create table if not exists "engagement_abandoned_cart" ("id" text not null, "cart_id" text not null, "customer_id" text null, "email" text not null, "sales_channel_id" text null, "last_activity_at" timestamptz not null, "product_ids" text[] not null, "status" text check ("status" in ('pending', 'reminded', 'suppressed', 'recovered')) not null default 'pending', "reminders_sent" integer not null default 0, "last_reminded_at" timestamptz null, "suppressed_reason" text null, "recovered_at" timestamptz null, "recovered_order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "engagement_abandoned_cart_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_engagement_abandoned_cart_cart_id_unique" ON "engagement_abandoned_cart" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_abandoned_cart_deleted_at" ON "engagement_abandoned_cart" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_abandoned_cart_email" ON "engagement_abandoned_cart" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_abandoned_cart_customer_id" ON "engagement_abandoned_cart" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_abandoned_cart_status" ON "engagement_abandoned_cart" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "engagement_cart_reminder" ("id" text not null, "abandoned_cart_id" text not null, "cart_id" text not null, "email" text not null, "customer_id" text null, "kind" text check ("kind" in ('sent', 'suppressed')) not null, "sequence" integer null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "engagement_cart_reminder_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_cart_reminder_deleted_at" ON "engagement_cart_reminder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_cart_reminder_abandoned_cart_id" ON "engagement_cart_reminder" ("abandoned_cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_cart_reminder_email_created_at" ON "engagement_cart_reminder" ("email", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "engagement_abandoned_cart" cascade;`);

    this.addSql(`drop table if exists "engagement_cart_reminder" cascade;`);
  }

}
