import { CommonError, commonError, localeFromAcceptLanguage } from '@yvc/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentDomainError } from './error-presenter';
import { isGraphqlPath } from '../common/paths';

/**
 * How deep a request may nest: JSON objects and arrays in the body (variables included), and
 * brackets in a GraphQL document. Real operations stay under 15 (the query depth limit is
 * GRAPHQL_MAX_DEPTH); thousands of levels overflow the stack of whatever walks them next
 * (graphql-js, the complexity estimator, our own checks), so they are refused before anything
 * recursive runs.
 */
export const MAX_INPUT_DEPTH = 32;

/** True when a parsed JSON value nests deeper than `max`; iterative, so any depth is safe. */
export function jsonNestsDeeper(value: unknown, max: number): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * True when `{`, `[` or `(` nest deeper than `max` in a GraphQL document (or JSON text), not
 * counting brackets inside strings, block strings or comments. One pass, no parsing.
 */
export function textNestsDeeper(source: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"' && source.startsWith('"""', i)) {
      i += 3;
      while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
      i += 2;
    } else if (c === '"') {
      i++;
      while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[' || c === '(') {
      if (++depth > max) return true;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

function tooDeep(req: FastifyRequest): boolean {
  const body = req.body as { query?: unknown } | undefined;
  if (jsonNestsDeeper(body, MAX_INPUT_DEPTH)) return true;
  if (typeof body?.query === 'string' && textNestsDeeper(body.query, MAX_INPUT_DEPTH)) return true;
  if (req.method !== 'GET' || !isGraphqlPath(req.url)) return false;
  // GraphQL over GET: the document, variables and extensions are text in the query string
  const query = req.query as Record<string, unknown>;
  return ['query', 'variables', 'extensions'].some((key) => {
    const value = query[key];
    return typeof value === 'string' && textNestsDeeper(value, MAX_INPUT_DEPTH);
  });
}

/**
 * A Fastify preValidation hook (the JSON body is parsed by then): a request nested deeper than
 * MAX_INPUT_DEPTH is a 400 (BAD_USER_INPUT, INPUT_TOO_DEEP) in the caller's language, shaped as a
 * GraphQL answer on /graphql and as our HTTP error elsewhere.
 */
export function refuseDeepInput() {
  return (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (!tooDeep(req)) return done();
    const error = presentDomainError(
      commonError(CommonError.INPUT_TOO_DEEP, { max: MAX_INPUT_DEPTH }),
      localeFromAcceptLanguage(req.headers['accept-language']),
    );
    void reply.code(400).send(isGraphqlPath(req.url) ? { errors: [error] } : { error });
  };
}
