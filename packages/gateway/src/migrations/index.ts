/**
 * Every committed migration, in order. Listed explicitly (rather than discovered from files) so that the
 * same list runs from TypeScript sources under Jest and from the compiled dist/ at start and in
 * `npm run migrate`. Append new migrations at the end; never edit one that has been released.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20251208000000_seed_marker } from './Migration20251208000000_seed_marker';
import { Migration20251208000100_program } from './Migration20251208000100_program';
import { Migration20261129200000_security } from './Migration20261129200000_security';
import { Migration20261129210000_financing_plan } from './Migration20261129210000_financing_plan';
import { Migration20261201120000_shared_limits } from './Migration20261201120000_shared_limits';
import { Migration20261202120000_training } from './Migration20261202120000_training';
import { Migration20261203120000_trainer_role } from './Migration20261203120000_trainer_role';
import { Migration20261203121500_upfront_cash_line } from './Migration20261203121500_upfront_cash_line';
import { Migration20261203130000_import_job } from './Migration20261203130000_import_job';
import { Migration20261203140000_exit_reason } from './Migration20261203140000_exit_reason';
import { Migration20261203150000_candidate_attribute_history } from './Migration20261203150000_candidate_attribute_history';
import { Migration20261203153000_financing_plan_revision } from './Migration20261203153000_financing_plan_revision';
import { Migration20261203170000_stage_change_cover_index } from './Migration20261203170000_stage_change_cover_index';
import { Migration20261203180000_candidate_registered_at } from './Migration20261203180000_candidate_registered_at';
import { Migration20261203190000_inflow_month_cells } from './Migration20261203190000_inflow_month_cells';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20251208000000_seed_marker', class: Migration20251208000000_seed_marker },
  { name: 'Migration20251208000100_program', class: Migration20251208000100_program },
  { name: 'Migration20261129200000_security', class: Migration20261129200000_security },
  { name: 'Migration20261129210000_financing_plan', class: Migration20261129210000_financing_plan },
  { name: 'Migration20261201120000_shared_limits', class: Migration20261201120000_shared_limits },
  { name: 'Migration20261202120000_training', class: Migration20261202120000_training },
  { name: 'Migration20261203120000_trainer_role', class: Migration20261203120000_trainer_role },
  { name: 'Migration20261203121500_upfront_cash_line', class: Migration20261203121500_upfront_cash_line },
  { name: 'Migration20261203130000_import_job', class: Migration20261203130000_import_job },
  { name: 'Migration20261203140000_exit_reason', class: Migration20261203140000_exit_reason },
  { name: 'Migration20261203150000_candidate_attribute_history', class: Migration20261203150000_candidate_attribute_history },
  { name: 'Migration20261203153000_financing_plan_revision', class: Migration20261203153000_financing_plan_revision },
  { name: 'Migration20261203170000_stage_change_cover_index', class: Migration20261203170000_stage_change_cover_index },
  { name: 'Migration20261203180000_candidate_registered_at', class: Migration20261203180000_candidate_registered_at },
  { name: 'Migration20261203190000_inflow_month_cells', class: Migration20261203190000_inflow_month_cells },
];
