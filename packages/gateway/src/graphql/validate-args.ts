/**
 * class-validator on every argument, as type-graphql's built-in validation does it (the same options,
 * the same `ArgumentValidationError`), with two costs of the built-in path taken out of every request:
 * type-graphql 2.0-rc `require()`s class-validator again on each validated argument (module
 * resolution, a package.json lookup: about 1.5 % of a small query's CPU, npm run bench --cpu-prof),
 * and class-validator scans every registered class for inherited rules on each call, even for an
 * argument class that has no rule at all (decided here once per class).
 */
import { getMetadataStorage, validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * The settings type-graphql would use: ours (no unknown-value check: scalar arguments such as Date
 * objects have no class metadata; keep the submitted object and values out of errors) plus its own
 * default `skipMissingProperties: true`.
 */
export const ARGUMENT_VALIDATION: ValidatorOptions = {
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
  skipMissingProperties: true,
};

const hasRules = new WeakMap<Function, boolean>();

/** Whether class-validator holds any rule for the value's class (its own or inherited). */
function validated(value: object): boolean {
  const target = value.constructor;
  if (typeof target !== 'function' || target === Object) return true; // not a class instance: let class-validator decide
  let known = hasRules.get(target);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false).length > 0;
    hasRules.set(target, known);
  }
  return known;
}

/**
 * class-validator looks a class's rules up on every object it validates, nested ones included, by
 * walking every class it holds rules for (`instanceof` each, for inherited rules): about 2 % of a
 * small query's CPU (npm run bench, `--cpu-prof`, quotaFill). The answer depends only on the class,
 * the lookup's options and the rules registered; rules are registered by decorators when classes are
 * defined, so the answer is kept per class and options, and forgotten whenever a rule is added.
 * ValidationExecutor only reads the returned list (it filters and groups it into new arrays).
 */
type TargetMetadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
const MEMOIZED = Symbol.for('jembatan.validationMetadataMemo');

export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOIZED]?: true };
  if (marked[MEMOIZED]) return;
  marked[MEMOIZED] = true;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let memo = new WeakMap<Function, Map<string, TargetMetadatas>>();
  storage.addValidationMetadata = (metadata) => {
    memo = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, targetSchema, always, strictGroups, groups) => {
    // validation groups: not used by the gateway, not memoized
    if (groups?.length || typeof target !== 'function') return lookUp(target, targetSchema, always, strictGroups, groups);
    const key = `${targetSchema}|${always ? 1 : 0}|${strictGroups ? 1 : 0}`;
    let byKey = memo.get(target);
    if (!byKey) {
      byKey = new Map();
      memo.set(target, byKey);
    }
    let found = byKey.get(key);
    if (!found) {
      found = lookUp(target, targetSchema, always, strictGroups, groups);
      byKey.set(key, found);
    }
    return found;
  };
}

memoizeValidationMetadata();

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

export const validateArguments: ValidatorFn = async (argValue) => {
  if (!isObject(argValue)) return;
  const items = Array.isArray(argValue) ? argValue.filter(isObject) : [argValue];
  const checked = items.filter(validated);
  if (checked.length === 0) return;
  try {
    await Promise.all(checked.map((item) => validateOrReject(item, ARGUMENT_VALIDATION)));
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
};
