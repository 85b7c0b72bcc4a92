/**
 * The memoized rule look-up (validate-args.ts `memoizeValidationMetadata`): the same answers as
 * class-validator's own, for a class with inherited rules too, and a rule added after a look-up is
 * seen by the next one (the memo is dropped when a rule is registered).
 */
import { IsInt, IsOptional, Max, Min, MetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ArgumentValidationError, type ResolverData } from 'type-graphql';
import { memoizeValidationMetadata, validateArguments } from './validate-args';

class Base {
  @IsOptional() @IsInt() @Min(1) first?: number;
}
class Child extends Base {
  @IsInt() @Max(5) level!: number;
}

function fresh(): MetadataStorage {
  // a storage of its own holding the rules of the global one (the decorators above wrote there)
  const storage = new MetadataStorage();
  const global = (globalThis as { classValidatorMetadataStorage?: MetadataStorage }).classValidatorMetadataStorage!;
  for (const target of [Base, Child]) {
    for (const m of global.getTargetValidationMetadatas(target, '', true, false).filter((x) => x.target === target)) storage.addValidationMetadata(m);
  }
  return storage;
}

it('answers as class-validator does, inherited rules included', () => {
  const plain = fresh();
  const memoized = fresh();
  memoizeValidationMetadata(memoized);
  for (const target of [Base, Child]) {
    for (const always of [true, false]) {
      const want = plain.getTargetValidationMetadatas(target, '', always, false);
      expect(memoized.getTargetValidationMetadatas(target, '', always, false)).toEqual(want);
      // the second answer is the kept one
      expect(memoized.getTargetValidationMetadatas(target, '', always, false)).toBe(memoized.getTargetValidationMetadatas(target, '', always, false));
    }
  }
  expect(memoized.getTargetValidationMetadatas(Child, '', false, false).map((m) => m.propertyName).sort()).toEqual(['first', 'first', 'first', 'level', 'level']);
});

it('sees a rule added after a look-up', () => {
  const memoized = fresh();
  memoizeValidationMetadata(memoized);
  const before = memoized.getTargetValidationMetadatas(Base, '', false, false).length;
  const some = memoized.getTargetValidationMetadatas(Base, '', false, false)[0]!;
  memoized.addValidationMetadata({ ...some, propertyName: 'extra' } as ValidationMetadata);
  expect(memoized.getTargetValidationMetadatas(Base, '', false, false).length).toBe(before + 1);
  expect(memoized.getTargetValidationMetadatas(Child, '', false, false).some((m) => m.propertyName === 'extra')).toBe(true);
});

/** validateArguments reads nothing of the resolver data. */
const NO_RESOLVER_DATA = {} as ResolverData<object>;

it('still validates arguments through the memo (the global storage is memoized on import)', async () => {
  const ok = Object.assign(new Child(), { level: 3, first: 2 });
  await expect(validateArguments(ok, [], NO_RESOLVER_DATA)).resolves.toBeUndefined();
  const bad = Object.assign(new Child(), { level: 9, first: 0 });
  await expect(validateArguments(bad, [], NO_RESOLVER_DATA)).rejects.toBeInstanceOf(ArgumentValidationError);
});
