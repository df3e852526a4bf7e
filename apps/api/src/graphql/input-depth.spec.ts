import { MAX_INPUT_DEPTH, jsonNestsDeeper, textNestsDeeper } from './input-depth';

const nest = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('input depth', () => {
  it('counts objects and arrays of a parsed body, iteratively', () => {
    expect(jsonNestsDeeper({ query: '{ a }', variables: { input: { venue: { name: 'x' } } } }, 32)).toBe(
      false,
    );
    expect(jsonNestsDeeper(nest(32), 32)).toBe(false);
    expect(jsonNestsDeeper(nest(33), 32)).toBe(true);
    expect(jsonNestsDeeper(nest(200_000), MAX_INPUT_DEPTH)).toBe(true);
    expect(jsonNestsDeeper('text', 1)).toBe(false);
    expect(jsonNestsDeeper(null, 1)).toBe(false);
  });

  it('counts brackets of a document, not those in strings, block strings or comments', () => {
    expect(textNestsDeeper('{ units { code parent { code } } }', 3)).toBe(false);
    expect(textNestsDeeper('{ units { code parent { code } } }', 2)).toBe(true);
    expect(textNestsDeeper(`{ unit(code: ${'['.repeat(3000)}"x"${']'.repeat(3000)}) { code } }`, 32)).toBe(
      true,
    );
    const quiet = `{ a(s: "${'{'.repeat(100)}", t: """${'['.repeat(100)} \\""" ${'('.repeat(100)}""") # ${'{'.repeat(100)}\n b }`;
    expect(textNestsDeeper(quiet, 3)).toBe(false);
    expect(textNestsDeeper(`{ a(s: "\\"${'{'.repeat(10)}") }`, 3)).toBe(false);
    // JSON text (GraphQL over GET) too
    expect(textNestsDeeper(JSON.stringify(nest(40)), 32)).toBe(true);
  });
});
