import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125054539 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "engagement_purchase" add column if not exists "mode" text check ("mode" in ('delivery', 'pickup', 'in_store')) not null default 'delivery';`);
    // Rows recorded before the mode existed say "delivery": forgetting the watermark makes the next
    // nightly catch-up read every order again and write each one's mode (pickup record, till mark).
    this.addSql(`update "engagement_purchase" set "order_updated_at" = null where "deleted_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_engagement_purchase_currency_code_placed_at" ON "engagement_purchase" ("currency_code", "placed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_engagement_purchase_currency_code_placed_at";`);
    this.addSql(`alter table if exists "engagement_purchase" drop column if exists "mode";`);
  }

}
