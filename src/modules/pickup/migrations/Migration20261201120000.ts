import { Migration } from "@mikro-orm/migrations"

/** A store's slot horizon: how many days ahead a pickup slot may be booked (30 unless the merchant says). */
export class Migration20261201120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pickup_store" add column if not exists "slot_horizon_days" integer not null default 30;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "pickup_store" drop column if exists "slot_horizon_days";`)
  }
}
