import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123223311 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "loyalty_entry" drop constraint if exists "loyalty_entry_idempotency_key_unique";`);
    this.addSql(`alter table if exists "loyalty_account" drop constraint if exists "loyalty_account_member_code_unique";`);
    this.addSql(`alter table if exists "loyalty_account" drop constraint if exists "loyalty_account_customer_id_unique";`);
    this.addSql(`create table if not exists "loyalty_account" ("id" text not null, "customer_id" text not null, "member_code" text not null, "tier" text null, "status" text check ("status" in ('active', 'closed')) not null default 'active', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_account_customer_id_unique" ON "loyalty_account" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_account_member_code_unique" ON "loyalty_account" ("member_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_account_deleted_at" ON "loyalty_account" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_entry" ("id" text not null, "account_id" text not null, "type" text check ("type" in ('earn', 'redeem', 'reverse', 'expire', 'adjust')) not null, "points" integer not null, "available_at" timestamptz not null, "expires_at" timestamptz null, "channel_id" text null, "order_id" text null, "reference" text null, "amount" numeric null, "currency_code" text null, "idempotency_key" text not null, "metadata" jsonb null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_loyalty_entry_idempotency_key_unique" ON "loyalty_entry" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_deleted_at" ON "loyalty_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_account_id_available_at" ON "loyalty_entry" ("account_id", "available_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_order_id" ON "loyalty_entry" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_entry_type_expires_at" ON "loyalty_entry" ("type", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "loyalty_program" ("id" text not null, "enabled" boolean not null default true, "earn_rates" jsonb not null, "include_tax" boolean not null default true, "include_shipping" boolean not null default false, "point_values" jsonb not null, "min_redeem_points" integer not null default 0, "max_redeem_share" real not null default 1, "pending_days" integer not null default 0, "expiry_months" integer null, "tier_basis" text check ("tier_basis" in ('points', 'spend')) not null default 'points', "tier_window_months" integer not null default 12, "tiers" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "loyalty_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_loyalty_program_deleted_at" ON "loyalty_program" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "loyalty_account" cascade;`);

    this.addSql(`drop table if exists "loyalty_entry" cascade;`);

    this.addSql(`drop table if exists "loyalty_program" cascade;`);
  }

}
