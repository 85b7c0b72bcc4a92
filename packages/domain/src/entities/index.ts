/**
 * Entities with invariants (Sairyss/domain-driven-hexagon style): decorator-free classes with a
 * `create` factory returning `Result`, intention-revealing methods whose expected failures are typed
 * results with stable codes, and `toSnapshot()` / `fromSnapshot()` so the gateway can persist and
 * rebuild them. Ids and instants are passed in; nothing here reads the clock or generates ids.
 */
export { isEntityId, ENTITY_MAX_NAME_LENGTH, ENTITY_MAX_TEXT_LENGTH, ENTITY_MAX_LIST_LENGTH } from './entity-validation';
export * from './timestamp';
export {
  STATUS_HISTORY_MAX_ENTRIES,
  validateStatusHistory,
  statusPeriods,
  timeInStatus,
  type StatusHistoryEntry,
  type StatusMachine,
  type StatusPeriod,
} from './status-history';
export * from './route-compatibility';
export * from './party-kind';
export * from './party.entity';
export * from './mou-status';
export * from './mou.errors';
export * from './mou.entity';
export * from './quota.errors';
export * from './quota.entity';
export * from './opening-requirements';
export * from './job-opening.errors';
export * from './job-opening.entity';
export * from './candidate-stage';
export * from './candidate-exit-reasons';
export * from './candidate.errors';
export * from './candidate.entity';
export * from './placement.entity';
export * from './select-candidate.service';
export * from './candidate-stage-effects';
