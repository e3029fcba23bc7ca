import { Migration } from "@mikro-orm/migrations"

/**
 * Medusa's spelling: status `canceled` and `canceled_at` (as orders have), and
 * a store's `hold_days` may be empty, meaning the plugin's `defaultHoldDays`.
 */
export class Migration20261124150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pickup_order" drop constraint if exists "pickup_order_status_check";`)
    this.addSql(`update "pickup_order" set "status" = 'canceled' where "status" = 'cancelled';`)
    this.addSql(`alter table if exists "pickup_order" add constraint "pickup_order_status_check" check ("status" in ('placed', 'preparing', 'ready', 'partially_ready', 'collected', 'canceled', 'expired'));`)
    this.addSql(`alter table if exists "pickup_order" rename column "cancelled_at" to "canceled_at";`)
    this.addSql(`alter table if exists "pickup_store" alter column "hold_days" drop default, alter column "hold_days" drop not null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`update "pickup_store" set "hold_days" = 5 where "hold_days" is null;`)
    this.addSql(`alter table if exists "pickup_store" alter column "hold_days" set default 5, alter column "hold_days" set not null;`)
    this.addSql(`alter table if exists "pickup_order" rename column "canceled_at" to "cancelled_at";`)
    this.addSql(`alter table if exists "pickup_order" drop constraint if exists "pickup_order_status_check";`)
    this.addSql(`update "pickup_order" set "status" = 'cancelled' where "status" = 'canceled';`)
    this.addSql(`alter table if exists "pickup_order" add constraint "pickup_order_status_check" check ("status" in ('placed', 'preparing', 'ready', 'partially_ready', 'collected', 'cancelled', 'expired'));`)
  }
}
