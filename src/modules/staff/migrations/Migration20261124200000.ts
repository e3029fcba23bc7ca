import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Revocable staff sessions: tokens issued before the member's current version stop working. */
export class Migration20261124200000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "staff_member" add column if not exists "session_version" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "staff_member" drop column if exists "session_version";`);
  }

}
