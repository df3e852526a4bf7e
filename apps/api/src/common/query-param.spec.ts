import { DomainError } from '@yvc/core';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SingleValuePipe } from './query-param';

describe('SingleValuePipe', () => {
  const pipe = new SingleValuePipe();
  const meta = { type: 'query' as const, data: 'token' };

  it('passes one string or nothing', () => {
    expect(pipe.transform('abc', meta)).toBe('abc');
    expect(pipe.transform('', meta)).toBe('');
    expect(pipe.transform(undefined, meta)).toBeUndefined();
  });

  it.each([[['a', 'b']], [{ x: 'y' }], [[]]])('refuses %j as BAD_USER_INPUT on the parameter', (value) => {
    expect(() => pipe.transform(value, meta)).toThrow(DomainError);
    try {
      pipe.transform(value, meta);
    } catch (err) {
      expect((err as DomainError).code).toBe('BAD_USER_INPUT');
      expect((err as DomainError).fields).toEqual([{ field: 'token', key: 'validation.singleValue' }]);
    }
  });

  it('every HTTP controller reads query parameters through @QueryParam, never a bare @Query', () => {
    const src = join(__dirname, '..');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.controller.ts'),
    );
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(join(src, f), 'utf8');
      expect({ file: f, bareQuery: /@Query\(/.test(text) || /req\.query/.test(text) }).toEqual({
        file: f,
        bareQuery: false,
      });
    }
  });
});
