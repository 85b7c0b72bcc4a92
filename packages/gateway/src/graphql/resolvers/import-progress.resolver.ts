/**
 * `importProgress(importId)`: where an import over HTTP (POST /imports/candidates,
 * http/imports-route.ts) stands, read from the `import_job` table so that any replica answers.
 *
 * Who sees which import: ADMIN every import; an OFFICER the imports made with the same credential
 * (the same `apiKey:<keyId>` / `jwt:<sub>` subject). Another credential's import, like an unknown id,
 * answers null: an import id does not tell whether someone else used it. There are no personal values
 * here (counts, codes, the file's name and its kind).
 */
import { IsUUID } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { findImportJob, IMPORT_PHASES, IMPORT_ROLES, type ImportJob, type ImportPhase } from '../../import/import-job';
import type { ImportMode, ImportOutcome } from '../../import/report';
import { hasRole } from '../../security/role';
import { emExecutor } from '../../security/sql-executor';
import type { GatewayContext } from '../context';
import { DateTimeScalar } from '../scalars';

const enumOf = <T extends string>(values: readonly T[]): { [K in T]: K } => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ImportPhaseEnum = enumOf(IMPORT_PHASES);
registerEnumType(ImportPhaseEnum, {
  name: 'ImportPhase',
  description: 'Where an import stands.',
  valuesConfig: {
    VALIDATING: { description: 'The file was received and is being read and checked; nothing is written yet.' },
    WRITING: { description: 'Every row was checked; batches of whole rows are being written.' },
    DONE: { description: 'Finished: the report says what was written (possibly nothing).' },
    FAILED: { description: 'The file was refused, a batch failed or the gateway stopped: see errorCode; send it again to continue.' },
  },
});

const IMPORT_MODES: readonly ImportMode[] = ['ALL_OR_NOTHING', 'SKIP_INVALID', 'DRY_RUN'];
export const ImportModeEnum = enumOf(IMPORT_MODES);
registerEnumType(ImportModeEnum, {
  name: 'ImportMode',
  description: 'How an import writes: all or nothing (default), the valid rows only (skipInvalid), or nothing (dryRun).',
  valuesConfig: {
    ALL_OR_NOTHING: { description: 'One invalid row writes nothing (the default).' },
    SKIP_INVALID: { description: 'The valid rows are written, the others reported (skipInvalid=true).' },
    DRY_RUN: { description: 'Nothing is written; the report says what would happen (dryRun=true).' },
  },
});

const IMPORT_OUTCOMES: readonly ImportOutcome[] = ['WRITTEN', 'PARTIAL', 'NOTHING_WRITTEN', 'DRY_RUN'];
export const ImportOutcomeEnum = enumOf(IMPORT_OUTCOMES);
registerEnumType(ImportOutcomeEnum, {
  name: 'ImportOutcome',
  description: 'What an import wrote.',
  valuesConfig: {
    WRITTEN: { description: 'Every new row was written.' },
    PARTIAL: { description: 'Some rows were written, others not (problem rows with skipInvalid, or a failed batch).' },
    NOTHING_WRITTEN: { description: 'No row was written (problems in all-or-nothing mode, a failed first batch, or nothing new).' },
    DRY_RUN: { description: 'A dry run: nothing was written.' },
  },
});

@ObjectType({ description: 'An import over HTTP (POST /imports/candidates): its phase, progress and, once finished, its counts.' })
export class ImportProgress {
  @Field(() => ID, { description: 'The import id (the Idempotency-Key, or the id the gateway gave).' })
  importId!: string;

  @Field(() => String, { description: 'What is imported: `candidates`.' })
  kind!: string;

  @Field(() => ImportPhaseEnum, { description: 'VALIDATING, WRITING, DONE or FAILED.' })
  phase!: ImportPhase;

  @Field(() => ImportModeEnum, { description: 'All or nothing, skip invalid rows, or a dry run.' })
  mode!: ImportMode;

  @Field(() => String, { description: '`csv` or `xlsx`.' })
  format!: string;

  @Field(() => String, { nullable: true, description: 'The file name the client gave, if any.' })
  fileName!: string | null;

  @Field(() => Int, { description: 'VALIDATING: rows checked so far; WRITING and after: rows written (a dry run: rows checked).' })
  rowsDone!: number;

  @Field(() => Int, { nullable: true, description: 'Null while VALIDATING (unknown until the file is read); then the rows to write (a dry run: the data rows).' })
  rowsTotal!: number | null;

  @Field(() => ImportOutcomeEnum, { nullable: true, description: 'Once there is a report.' })
  outcome!: ImportOutcome | null;

  @Field(() => Int, { nullable: true, description: 'Data rows in the file (once read).' })
  dataRows!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rows written by this import.' })
  written!: number | null;

  @Field(() => Int, { nullable: true, description: 'Valid new rows not written (problems elsewhere in all-or-nothing mode, a dry run, a failed batch).' })
  notWritten!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rows whose candidate was already registered with the same data (not written again).' })
  alreadyImported!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rows with at least one problem.' })
  problemRows!: number | null;

  @Field(() => Int, { nullable: true, description: 'Problems reported (the full list is in the HTTP answer).' })
  problems!: number | null;

  @Field(() => String, { nullable: true, description: 'FAILED: the stable code (`IMPORT.FILE_ZIP_BOMB`, `IMPORT.BATCH_FAILED`, ...).' })
  errorCode!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the file was received.' })
  startedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'Last progress recorded.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended (DONE or FAILED).' })
  finishedAt!: Date | null;
}

@ArgsType()
class ImportProgressArgs {
  @Field(() => ID, { description: 'The import id returned by POST /imports/candidates (or sent as its Idempotency-Key).' })
  @IsUUID('all')
  importId!: string;
}

export function toImportProgress(job: ImportJob): ImportProgress {
  const r = job.report;
  return {
    importId: job.id,
    kind: job.kind,
    phase: job.phase,
    mode: job.mode,
    format: job.format,
    fileName: job.fileName,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    outcome: r?.outcome ?? null,
    dataRows: r?.dataRows ?? null,
    written: r?.written ?? null,
    notWritten: r?.notWritten ?? null,
    alreadyImported: r ? r.alreadyImported.length : null,
    problemRows: r ? r.problemRows.length : null,
    problems: r ? r.problems.length : null,
    errorCode: job.errorCode,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}

@Resolver()
export class ImportProgressResolver {
  @Authorized(...IMPORT_ROLES)
  @Query(() => ImportProgress, {
    nullable: true,
    description: 'Progress of an import over HTTP (OFFICER: the imports of the same credential; ADMIN: every import). Null for an unknown id.',
  })
  async importProgress(@Ctx() ctx: GatewayContext, @Args(() => ImportProgressArgs) args: ImportProgressArgs): Promise<ImportProgress | null> {
    const job = await findImportJob(emExecutor(ctx.em), args.importId.toLowerCase());
    if (!job) return null;
    if (!hasRole(ctx.principal, 'ADMIN') && job.actor !== ctx.principal.subject) return null;
    return toImportProgress(job);
  }
}
