import { Migration } from '@mikro-orm/migrations';

/**
 * The TRAINER role (issue 10): staff of a training provider. An API key may carry it, and like a
 * PARTNER key a TRAINER key names the parties it acts for (`party_ids`: the training providers).
 */
export class Migration20261203120000_trainer_role extends Migration {
  override up(): void {
    this.addSql(`alter table "api_key" drop constraint "api_key_roles_valid";`);
    this.addSql(
      `alter table "api_key" add constraint "api_key_roles_valid" check (jsonb_typeof("roles") = 'array' and jsonb_array_length("roles") > 0 ` +
        `and "roles" <@ '["CANDIDATE","OFFICER","PARTNER","TRAINER","ANALYST","ADMIN"]'::jsonb);`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_trainer_has_party" check (not ("roles" @> '["TRAINER"]'::jsonb) or jsonb_array_length("party_ids") > 0);`,
    );
  }

  /** Refused while a TRAINER key exists (revoke and delete it first): the old constraint does not allow the role. */
  override down(): void {
    this.addSql(`alter table "api_key" drop constraint "api_key_trainer_has_party";`);
    this.addSql(`alter table "api_key" drop constraint "api_key_roles_valid";`);
    this.addSql(
      `alter table "api_key" add constraint "api_key_roles_valid" check (jsonb_typeof("roles") = 'array' and jsonb_array_length("roles") > 0 ` +
        `and "roles" <@ '["CANDIDATE","OFFICER","PARTNER","ANALYST","ADMIN"]'::jsonb);`,
    );
  }
}
